import { randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, signInThrottle } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createStaffUser, resetStaffPassword, updateStaffUser } from "../staff/manage-staff";
import type { Ctx } from "./context";
import { signInWithPassword } from "./sign-in";
import { THROTTLE, waitAfter } from "./throttle";

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
  });

  it("records the typed email only when it names an account", async () => {
    // Someone typed their password into the email field.
    const typed = `hunter2-${randomUUID()}`;
    const address = "192.0.2.44";
    expect(await signInWithPassword(database.db, { email: typed, password: "whatever whatever", address })).toEqual({ ok: false, reason: "invalid" });
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.address, address));
    expect(rows).toEqual([expect.objectContaining({ action: "auth.sign_in_failed", actorEmail: null, actorId: null, details: { reason: "unknown account" } })]);
    expect(JSON.stringify(rows)).not.toContain(typed);
    // Nor is it kept in the throttle's table.
    expect(JSON.stringify(await database.db.select().from(signInThrottle))).not.toContain(typed);
  });
});

describe("the sign-in throttle", () => {
  const wrong = (email: string, address: string) => signInWithPassword(database.db, { email, password: "nope nope nope", address });
  const right = (email: string, address: string) => signInWithPassword(database.db, { email, password: PASSWORD, address });
  const addresses = () => {
    const base = `198.18.${Math.floor(Math.random() * 250)}`;
    return [1, 2, 3, 4, 5].map((n) => `${base}.${n}`);
  };

  it("holds back the (account, address) pair that failed, with waits that grow, and says how long", async () => {
    const user = await newUser();
    const [a] = addresses();
    for (let i = 0; i < THROTTLE.pair.freeFailures; i++) expect(await wrong(user.email, a!)).toEqual({ ok: false, reason: "invalid" });
    const [pair] = await database.db.select().from(signInThrottle).where(eq(signInThrottle.staffUserId, user.id));
    expect(pair).toMatchObject({ failures: THROTTLE.pair.freeFailures, address: a, lockedUntil: expect.any(Date) });
    // Ten failures later (the waits let out), the eleventh holds the pair for 2^8 seconds,
    await database.db.update(signInThrottle).set({ failures: 10, lockedUntil: null }).where(eq(signInThrottle.key, pair!.key));
    expect(await wrong(user.email, a!)).toEqual({ ok: false, reason: "invalid" });
    // and even the right password waits, from this address.
    const held = await right(user.email, a!);
    expect(held).toMatchObject({ ok: false, reason: "locked" });
    expect((held as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(2 ** 8 - 10);
    expect((await auditFor(user.email))[0]).toMatchObject({ action: "auth.sign_in_refused", details: { reason: "throttled" } });
    expect([3, 4, 5, 6, 20].map((n) => waitAfter(n, THROTTLE.pair))).toEqual([1, 2, 4, 8, THROTTLE.pair.maxWaitSeconds]);
  });

  it("never refuses the right password from an address that has not failed, whatever others did to the account", async () => {
    const user = await newUser("admin");
    const [a, b, c, d, clean] = addresses();
    // Fifteen wrong passwords for the admin from four addresses (the old rule locked the account after ten).
    for (const address of [a, b, c, d]) for (let i = 0; i < 4; i++) await wrong(user.email, address!);
    expect(await right(user.email, clean!)).toMatchObject({ ok: true });
    // And a colleague behind one of those addresses is not held back by someone else's failures.
    const colleague = await newUser();
    expect(await right(colleague.email, a!)).toMatchObject({ ok: true });
  });

  it("a success forgets the pair's failures", async () => {
    const user = await newUser();
    const [a] = addresses();
    for (let i = 0; i < THROTTLE.pair.freeFailures - 1; i++) await wrong(user.email, a!);
    expect(await right(user.email, a!)).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE.pair.freeFailures - 1; i++) expect(await wrong(user.email, a!)).toEqual({ ok: false, reason: "invalid" });
  });

  it("holds back an address past a far higher ceiling, for every account", async () => {
    const user = await newUser();
    const [a, b] = addresses();
    await database.db.insert(signInThrottle).values({ key: `address:${a}`, address: a, failures: THROTTLE.address.freeFailures - 1 });
    await wrong(`${randomUUID()}@desk.test`, a!);
    expect(await right(user.email, a!)).toMatchObject({ ok: false, reason: "locked" });
    expect(await right(user.email, b!)).toMatchObject({ ok: true });
  });

  it("counts each attempt before checking its password: parallel guesses share one back-off", async () => {
    const user = await newUser();
    const [a] = addresses();
    const answers = await Promise.all(Array.from({ length: 10 }, () => wrong(user.email, a!)));
    const checked = answers.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBe(THROTTLE.pair.freeFailures);
    expect(answers.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(10 - THROTTLE.pair.freeFailures);
  });
});

describe("staff passwords", () => {
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
