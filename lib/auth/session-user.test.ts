import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { staffCtx } from "../../tests/support/staff";
import { staffUsers } from "../../db/schema";
import { parseEnv } from "../config";
import { createStaffUser, resetStaffPassword, updateStaffUser } from "../staff/manage-staff";
import type { Ctx } from "./context";
import { getSessionUser, sessionEnded } from "./session-user";
import { signInWithPassword } from "./sign-in";
import { resolveSsoUser } from "./sso";
import { NO_PREFERENCES } from "../staff/preferences";

let database: TestDatabase;
let admin: Ctx;
const PASSWORD = "correct horse battery staple";
const lifetime = { maxHours: 12 };

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await staffCtx(database.db, "admin");
});
afterAll(async () => {
  await database.dispose();
});

/** A new user signed in with their password: the claims the session cookie would carry. */
async function signedIn(role: "support" | "compliance" | "admin" = "support") {
  const email = `${randomUUID()}@desk.test`;
  const { id } = await createStaffUser(admin, { email, name: "Session User", role, password: PASSWORD });
  const result = await signInWithPassword(database.db, { email, password: PASSWORD });
  if (!result.ok) throw new Error("sign-in failed");
  // The session's start and a later admin change share a millisecond only in a test that runs back to back.
  await sleep(5);
  return { id, email, claims: { uid: id, signedInAt: result.signedInAt.getTime() } };
}

describe("sessionEnded", () => {
  it("ends a session that began before sessions_valid_after, and only that one", () => {
    const at = Date.parse("2030-01-01T10:00:00.000Z");
    expect(sessionEnded(new Date(at + 1), at)).toBe(true);
    expect(sessionEnded(new Date(at), at)).toBe(false);
    expect(sessionEnded(new Date(at - 1), at)).toBe(false);
  });
});

describe("getSessionUser", () => {
  it("reads the signed-in user afresh", async () => {
    const user = await signedIn("compliance");
    expect(await getSessionUser(database.db, user.claims, lifetime)).toEqual({ id: user.id, email: user.email, name: "Session User", role: "compliance", preferences: NO_PREFERENCES });
  });

  it("refuses a session begun before a password reset, and takes the sign-in after it", async () => {
    const user = await signedIn();
    await resetStaffPassword(admin, { userId: user.id, password: "a brand new passphrase" });
    expect(await getSessionUser(database.db, user.claims, lifetime)).toBeNull();

    const again = await signInWithPassword(database.db, { email: user.email, password: "a brand new passphrase" });
    expect(again.ok).toBe(true);
    const fresh = { uid: user.id, signedInAt: (again as { signedInAt: Date }).signedInAt.getTime() };
    expect(await getSessionUser(database.db, fresh, lifetime)).toMatchObject({ id: user.id });
  });

  it("refuses a session begun before a role change or a deactivation", async () => {
    const promoted = await signedIn("support");
    await updateStaffUser(admin, { userId: promoted.id, role: "compliance" });
    expect(await getSessionUser(database.db, promoted.claims, lifetime)).toBeNull();

    const gone = await signedIn("support");
    await updateStaffUser(admin, { userId: gone.id, active: false });
    expect(await getSessionUser(database.db, gone.claims, lifetime)).toBeNull();
  });

  it("keeps other users' sessions when an admin changes one user", async () => {
    const bystander = await signedIn();
    const changed = await signedIn();
    await resetStaffPassword(admin, { userId: changed.id, password: "another new passphrase" });
    expect(await getSessionUser(database.db, bystander.claims, lifetime)).toMatchObject({ id: bystander.id });
  });

  it("treats a cookie without a sign-in time, or for nobody, as signed out", async () => {
    const user = await signedIn();
    expect(await getSessionUser(database.db, { uid: user.id }, lifetime)).toBeNull();
    expect(await getSessionUser(database.db, { uid: user.id, signedInAt: String(user.claims.signedInAt) }, lifetime)).toBeNull();
    expect(await getSessionUser(database.db, { uid: randomUUID(), signedInAt: Date.now() }, lifetime)).toBeNull();
    expect(await getSessionUser(database.db, null, lifetime)).toBeNull();
  });

  it("refuses a session signed in more than SESSION_MAX_HOURS ago, however recently used", async () => {
    const user = await signedIn();
    const hour = 3_600_000;
    // As if the user had signed in long ago: their sessions were last ended before that.
    await database.db.update(staffUsers).set({ sessionsValidAfter: new Date(user.claims.signedInAt - 24 * hour) }).where(eq(staffUsers.id, user.id));
    expect(await getSessionUser(database.db, { ...user.claims, signedInAt: user.claims.signedInAt - 11.9 * hour }, lifetime)).toMatchObject({ id: user.id });
    expect(await getSessionUser(database.db, { ...user.claims, signedInAt: user.claims.signedInAt - 12.1 * hour }, lifetime)).toBeNull();
    expect(await getSessionUser(database.db, { ...user.claims, signedInAt: user.claims.signedInAt - 2.1 * hour }, { maxHours: 2 })).toBeNull();
  });

  it("keeps the session of an SSO user created by that very sign-in", async () => {
    const env = parseEnv({ OIDC_ROLE_CLAIM: "desk_role" });
    const email = `${randomUUID()}@sso.desk.test`;
    const staff = await resolveSsoUser(database.db, env, { issuer: "https://sso.desk.test", subject: randomUUID(), profile: { email, name: "SSO User", desk_role: "support" } });
    if (!staff.ok) throw new Error(`refused: ${staff.reason}`);
    expect(await getSessionUser(database.db, { uid: staff.id, signedInAt: staff.signedInAt.getTime() }, lifetime)).toMatchObject({ email, role: "support" });
  });
});
