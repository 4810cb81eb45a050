import "server-only";
import { requireCapability, type Ctx } from "../auth/context";
import { getSyncOverview, type SyncOverview } from "./get-sync-overview";

/** The full-sync page: the run in progress, if any, and the last 20. */
export async function getSyncPage(ctx: Ctx): Promise<SyncOverview> {
  requireCapability(ctx, "desk.admin");
  return getSyncOverview(ctx, { historyLimit: 20 });
}
