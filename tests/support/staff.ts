import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { staffUsers } from "../../db/schema";
import type { Ctx } from "../../lib/auth/context";
import type { StaffRole } from "../../lib/auth/permissions";

/** A staff user of the given role in the test's database, and the context of their requests. */
export async function staffCtx(db: Db, role: StaffRole): Promise<Ctx & { user: NonNullable<Ctx["user"]> }> {
  const email = `${role}-${randomUUID()}@desk.test`;
  const [user] = await db.insert(staffUsers).values({ email, name: `${role} tester`, role }).returning();
  return { db, user: { id: user!.id, email, name: user!.name, role }, address: "127.0.0.1" };
}
