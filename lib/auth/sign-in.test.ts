import { randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, signInThrottle } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createStaffUser, resetStaffPassword, updateStaffUser } from "../staff/manage-staff";
import type { Ctx } from "./context";
import { signInWithPassword } from "./sign-in";
import { THROTTLE } from "./throttle";

let database: TestDatabase;
let admin: Ctx;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  database = await createTestDatabase();
  admin = { db: database.db, user: { id: "bootstrap", email: "root@desk.test", name: "Root", role: "admin" } };
});
afterAll(async () => {
  await database.dispose();
});

async function newUser(role: "support" | "compliance" | "admin" = "support") {
  const email = `${randomUUID()}@desk.test`;
  const created = await createStaffUser(admin, { email, name: "Test User", role, password: PASSWORD });
  return { ...created, email };
}

/** The database's own message (drizzle wraps it, with the query, in its error's cause). */
async function failureOf(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
    return "no error";
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
}

async function auditFor(email: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.actorEmail, email)).orderBy(desc(auditLog.id));
}

describe("signInWithPassword", () => {
  it("signs in with the right password, whatever the email's case, and audits it", async () => {
    const user = await newUser("compliance");
    const result = await signInWithPassword(database.db, { email: user.email.toUpperCase(), password: PASSWORD, address: "10.0.0.1" });
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, role: "compliance" }), signedInAt: expect.any(Date) });
    expect((await auditFor(user.email))[0]).toMatchObject({ action: "auth.sign_in", actorId: user.id, address: "10.0.0.1" });
  });

  it("refuses a wrong password, an unknown account and a deactivated user alike, auditing each", async () => {
    const user = await newUser();
    const unknown = `${randomUUID()}@desk.test`;
    expect(await signInWithPassword(database.db, { email: user.email, password: "wrong password!!" })).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(database.db, { email: unknown, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    await updateStaffUser(admin, { userId: user.id, active: false });
    expect(await signInWithPassword(database.db, { email: user.email, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect((await auditFor(user.email)).map((r) => r.details)).toEqual([{ reason: "deactivated" }, { reason: "wrong password" }]);
    // What was typed for an unknown account is not kept: it may be anyone's address, or a password.
    expect(await auditFor(unknown)).toEqual([]);
    const all = await database.query<{ t: string }>(`select string_agg(a::text, ' ') as t from audit_log a`);
    expect(all[0]?.t).not.toContain(unknown);
    const failures = await database.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
    expect(failures).toContainEqual(expect.objectContaining({ actorEmail: null, actorId: null, details: { reason: "unknown account" } }));
  });

  it("backs off after repeated failures, then locks the account, even for the right password", async () => {
    const user = await newUser();
    for (let i = 0; i < THROTTLE.backoffAfter; i++) {
      expect(await signInWithPassword(database.db, { email: user.email, password: "nope nope nope" })).toMatchObject({ ok: false });
    }
    const held = await signInWithPassword(database.db, { email: user.email, password: PASSWORD });
    expect(held).toMatchObject({ ok: false, reason: "locked" });
    // Let the back-off pass, then fail up to the lock.
    const key = `account:${user.email}`;
    await database.db.update(signInThrottle).set({ failures: THROTTLE.lockAfter - 1, lockedUntil: null }).where(eq(signInThrottle.key, key));
    await signInWithPassword(database.db, { email: user.email, password: "nope nope nope" });
    const locked = await signInWithPassword(database.db, { email: user.email, password: PASSWORD });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(THROTTLE.lockMinutes * 60 - 5);
    expect((await auditFor(user.email))[0]).toMatchObject({ action: "auth.sign_in_refused" });
  });

  it("throttles an address trying many accounts", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < THROTTLE.backoffAfter; i++) {
      await signInWithPassword(database.db, { email: `${randomUUID()}@desk.test`, password: "guess guess guess", address });
    }
    const user = await newUser();
    expect(await signInWithPassword(database.db, { email: user.email, password: PASSWORD, address })).toMatchObject({ reason: "locked" });
    expect(await signInWithPassword(database.db, { email: user.email, password: PASSWORD, address: "198.51.100.7" })).toMatchObject({ ok: true });
  });

  it("takes a reset password and forgets the old one", async () => {
    const user = await newUser();
    await resetStaffPassword(admin, { userId: user.id, password: "a brand new passphrase" });
    expect(await signInWithPassword(database.db, { email: user.email, password: PASSWORD })).toMatchObject({ ok: false });
    expect(await signInWithPassword(database.db, { email: user.email, password: "a brand new passphrase" })).toMatchObject({ ok: true });
  });
});

describe("the audit log", () => {
  it("cannot be changed or deleted, not even by the desk's own connection", async () => {
    const user = await newUser();
    await signInWithPassword(database.db, { email: user.email, password: PASSWORD });
    const [row] = await auditFor(user.email);
    expect(await failureOf(database.db.update(auditLog).set({ action: "nothing happened" }).where(eq(auditLog.id, row!.id)))).toMatch(/append-only/);
    expect(await failureOf(database.db.delete(auditLog).where(eq(auditLog.id, row!.id)))).toMatch(/append-only/);
    expect(await failureOf(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect((await auditFor(user.email))[0]?.action).toBe(row?.action);
  });
});
