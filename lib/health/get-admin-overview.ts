import "server-only";
import { getDatabase } from "../../db";
import type { Database } from "../../db/client";
import { requireCapability, type Ctx } from "../auth/context";
import { getEnv } from "../config";
import { getRetentionOverview, type RetentionOverview } from "../retention/get-retention-overview";
import { getDeskOverview, type DeskOverview } from "./desk-overview";

export interface AdminOverview {
  overview: DeskOverview;
  retention: RetentionOverview;
  /** Which Assure the desk talks to: the bundled simulator, Signicat's, or none configured (the page says it in words). */
  assure: "simulator" | "signicat" | "none";
}

/**
 * The admin page: the database and what is in it, the personal-data policy, which Assure. `database` is
 * the one `ctx.db` belongs to (the app's own by default; tests pass theirs): the overview needs its engine
 * and raw SQL, which a drizzle handle does not give.
 */
export async function getAdminOverview(ctx: Ctx, database?: Database): Promise<AdminOverview> {
  requireCapability(ctx, "desk.admin");
  const env = getEnv();
  const source = database ?? (await getDatabase());
  const [overview, retention] = await Promise.all([getDeskOverview(source), getRetentionOverview(ctx, source, env.RETENTION_DAYS)]);
  const assure = env.ASSURE_SIMULATOR === "1" ? "simulator" : env.ASSURE_BASE_URL ? "signicat" : "none";
  return { overview, retention, assure };
}
