import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, signInThrottle } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { signInWithPassword } from "../auth/sign-in";
import { THROTTLE } from "../auth/throttle";
import { Forbidden } from "../errors";
import { createStaffUser } from "./manage-staff";
import { clearSignInHolds, listSignInHolds } from "./sign-in-holds";

let database: TestDatabase;
let admin: Ctx;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await staffCtx(database.db, "admin");
});
afterAll(async () => {
  await database.dispose();
});

describe("sign-in holds", () => {
  it("show admins the accounts held back and from where, and an admin's clearing lets them in at once", async () => {
    const email = `${randomUUID()}@desk.test`;
    const user = await createStaffUser(admin, { email, name: "Held", role: "support", password: PASSWORD });
    const address = "192.0.2.77";
    for (let i = 0; i < THROTTLE.pair.freeFailures; i++) await signInWithPassword(database.db, { email, password: "wrong wrong wrong", address });
    // A typed email that names no account is held back too, but never shown (it may be a password).
    for (let i = 0; i < THROTTLE.pair.freeFailures; i++) await signInWithPassword(database.db, { email: "not-an-account", password: "x", address });
    // The first wait is one second: make it longer than this test, however slow the machine.
    await database.db.update(signInThrottle).set({ lockedUntil: new Date(Date.now() + 10 * 60_000) }).where(eq(signInThrottle.staffUserId, user.id));

    const holds = await listSignInHolds(admin);
    expect(holds.accounts).toEqual([{ userId: user.id, email, addresses: [address], failures: THROTTLE.pair.freeFailures, heldUntil: expect.any(Date) }]);
    expect(JSON.stringify(holds)).not.toContain("not-an-account");
    expect(await signInWithPassword(database.db, { email, password: PASSWORD, address })).toMatchObject({ reason: "locked" });

    expect(await clearSignInHolds(admin, { userId: user.id })).toEqual({ cleared: 1 });
    expect((await listSignInHolds(admin)).accounts).toEqual([]);
    expect(await signInWithPassword(database.db, { email, password: PASSWORD, address })).toMatchObject({ ok: true });
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.throttle_cleared"), eq(auditLog.target, user.id)));
    expect(audit).toMatchObject({ actorId: admin.user!.id, details: { email, counters: 1 } });
  });

  it("show addresses past their ceiling, and clear them", async () => {
    const address = "198.51.100.99";
    await database.db.insert(signInThrottle).values({ key: `address:${address}`, address, failures: THROTTLE.address.freeFailures, lockedUntil: new Date(Date.now() + 60_000) });
    expect((await listSignInHolds(admin)).addresses).toEqual([{ address, failures: THROTTLE.address.freeFailures, heldUntil: expect.any(Date) }]);
    expect(await clearSignInHolds(admin, { address })).toEqual({ cleared: 1 });
    expect((await listSignInHolds(admin)).addresses).toEqual([]);
  });

  it("are for admins only", async () => {
    const compliance = await staffCtx(database.db, "compliance");
    await expect(listSignInHolds(compliance)).rejects.toBeInstanceOf(Forbidden);
    await expect(clearSignInHolds(compliance, { address: "192.0.2.1" })).rejects.toBeInstanceOf(Forbidden);
  });
});
