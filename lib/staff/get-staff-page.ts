import "server-only";
import { requireCapability, type Ctx } from "../auth/context";
import { listStaffUsers } from "./manage-staff";
import { listSignInHolds } from "./sign-in-holds";

export interface StaffPageModel {
  users: Awaited<ReturnType<typeof listStaffUsers>>;
  holds: Awaited<ReturnType<typeof listSignInHolds>>;
}

/** The staff page: every staff user, and the accounts and addresses sign-in is holding back. */
export async function getStaffPage(ctx: Ctx): Promise<StaffPageModel> {
  requireCapability(ctx, "desk.admin");
  const [users, holds] = await Promise.all([listStaffUsers(ctx), listSignInHolds(ctx)]);
  return { users, holds };
}
