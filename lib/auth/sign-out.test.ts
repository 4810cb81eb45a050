import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { staffCtx } from "../../tests/support/staff";
import { createStaffUser } from "../staff/manage-staff";
import { getSessionUser } from "./session-user";
import { signInWithPassword } from "./sign-in";
import { endSessionOnSignOut } from "./sign-out";

let database: TestDatabase;
const PASSWORD = "correct horse battery staple";
const lifetime = { maxHours: 12 };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

async function signIn(email: string) {
  const result = await signInWithPassword(database.db, { email, password: PASSWORD });
  if (!result.ok) throw new Error("sign-in failed");
  await sleep(5);
  return { uid: result.user.id, signedInAt: result.signedInAt.getTime() };
}

describe("endSessionOnSignOut", () => {
  it("refuses the signed-out session's cookie afterwards, audits it, and lets the user sign in again", async () => {
    const admin = await staffCtx(database.db, "admin");
    const email = `${randomUUID()}@desk.test`;
    const { id } = await createStaffUser(admin, { email, name: "Leaving User", role: "compliance", password: PASSWORD });
    const before = await signIn(email);
    expect(await getSessionUser(database.db, before, lifetime)).toMatchObject({ id });

    expect(await endSessionOnSignOut(database.db, before, { ...lifetime, address: "10.0.0.7" })).toBe(true);
    expect(await getSessionUser(database.db, before, lifetime)).toBeNull();
    const rows = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_out"), eq(auditLog.target, id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: id, actorEmail: email, address: "10.0.0.7" });

    // A replayed sign-out with the dead cookie changes nothing and records nothing.
    expect(await endSessionOnSignOut(database.db, before, lifetime)).toBe(false);
    const after = await signIn(email);
    expect(await getSessionUser(database.db, after, lifetime)).toMatchObject({ id });
    expect(await endSessionOnSignOut(database.db, before, lifetime)).toBe(false);
    expect(await getSessionUser(database.db, after, lifetime)).toMatchObject({ id });
  });

  it("does nothing for an anonymous sign-out", async () => {
    expect(await endSessionOnSignOut(database.db, null, lifetime)).toBe(false);
  });
});
