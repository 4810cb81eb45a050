import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, staffUsers } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { staffCtx } from "../../tests/support/staff";
import { parseEnv } from "../config";
import { createStaffUser } from "../staff/manage-staff";
import { setStaffSso } from "../staff/staff-sso";
import type { Ctx } from "./context";
import { getSessionUser } from "./session-user";
import { resolveSsoUser, ssoIssuerOf } from "./sso";

let database: TestDatabase;
let admin: Ctx;
const env = parseEnv({ OIDC_ROLE_CLAIM: "desk_role" });
const ISSUER = "https://sso.company.test";
const lifetime = { maxHours: 12 };

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await staffCtx(database.db, "admin");
});
afterAll(async () => {
  await database.dispose();
});

function sso(profile: Record<string, unknown>, subject = randomUUID(), issuer = ISSUER) {
  return resolveSsoUser(database.db, env, { issuer, subject, profile });
}

/** A password account an admin made, with SSO allowed or not. */
async function passwordAccount(ssoAllowed: boolean) {
  const email = `${randomUUID()}@company.test`;
  const { id } = await createStaffUser(admin, { email, name: "Existing", role: "support", password: "correct horse battery staple" });
  if (ssoAllowed) await setStaffSso(admin, { userId: id, allowed: true });
  return { id, email };
}

async function lastAudit(target: string) {
  const [row] = await database.db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(desc(auditLog.id)).limit(1);
  return row!;
}

describe("resolveSsoUser", () => {
  it("creates a user from the role claim, keyed by issuer and subject", async () => {
    const email = `${randomUUID()}@company.test`;
    const subject = randomUUID();
    const first = await sso({ email, desk_role: "compliance" }, subject);
    expect(first).toMatchObject({ ok: true, role: "compliance" });
    const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.email, email));
    expect(row).toMatchObject({ ssoIssuer: ISSUER, ssoSubject: subject, ssoAllowed: true });
    // The same subject from another issuer is someone else: not this account (its email is taken, so refused).
    expect(await sso({ email, email_verified: true, desk_role: "admin" }, subject, "https://other-idp.test")).toEqual({ ok: false, reason: "no staff account" });
  });

  it("links an SSO login to an existing account only when an admin allowed SSO and the email is verified", async () => {
    const closed = await passwordAccount(false);
    expect(await sso({ email: closed.email, email_verified: true, desk_role: "admin" })).toEqual({ ok: false, reason: "sso not allowed" });
    expect(await lastAudit(closed.id)).toMatchObject({ action: "auth.sign_in_failed", details: { reason: "sso not allowed", via: "sso", issuer: ISSUER } });

    const open = await passwordAccount(true);
    expect(await lastAudit(open.id)).toMatchObject({ action: "staff.sso", actorId: admin.user!.id, details: { from: false, to: true } });
    expect(await sso({ email: open.email })).toEqual({ ok: false, reason: "email not verified" });
    expect(await sso({ email: open.email, email_verified: false })).toEqual({ ok: false, reason: "email not verified" });
    const subject = randomUUID();
    // Without a role claim the admin's role stands.
    expect(await sso({ email: open.email, email_verified: true }, subject)).toMatchObject({ ok: true, id: open.id, role: "support" });
    const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, open.id));
    expect(row).toMatchObject({ ssoIssuer: ISSUER, ssoSubject: subject });
    expect(await lastAudit(open.id)).toMatchObject({ action: "auth.sign_in", details: { linked: true } });
    // Linked: later sign-ins find it by issuer and subject, whatever the email says now.
    expect(await sso({ email: "renamed@company.test" }, subject)).toMatchObject({ ok: true, id: open.id });
    // Another identity with the same (verified) email cannot take the linked account over.
    expect(await sso({ email: open.email, email_verified: true })).toEqual({ ok: false, reason: "no staff account" });
  });

  it("reads the role claim at every sign-in; a change ends the sessions begun under the old role", async () => {
    const email = `${randomUUID()}@company.test`;
    const subject = randomUUID();
    const first = await sso({ email, desk_role: "compliance" }, subject);
    if (!first.ok) throw new Error(first.reason);
    const old = { uid: first.id, signedInAt: first.signedInAt.getTime() };
    await sleep(5);
    const same = await sso({ email, desk_role: "compliance" }, subject);
    if (!same.ok) throw new Error(same.reason);
    // The same role: both sessions stand.
    expect(await getSessionUser(database.db, old, lifetime)).toMatchObject({ role: "compliance" });
    await sleep(5);

    const promoted = await sso({ email, desk_role: "admin" }, subject);
    expect(promoted).toMatchObject({ ok: true, role: "admin" });
    if (!promoted.ok) throw new Error(promoted.reason);
    expect(await getSessionUser(database.db, old, lifetime)).toBeNull();
    expect(await getSessionUser(database.db, { uid: same.id, signedInAt: same.signedInAt.getTime() }, lifetime)).toBeNull();
    expect(await getSessionUser(database.db, { uid: promoted.id, signedInAt: promoted.signedInAt.getTime() }, lifetime)).toMatchObject({ role: "admin" });
    expect(await lastAudit(first.id)).toMatchObject({ action: "auth.sign_in", details: { roleFrom: "compliance", roleTo: "admin" } });
  });

  it("refuses once an admin disallows SSO, which also unlinks it and ends the sessions", async () => {
    const email = `${randomUUID()}@company.test`;
    const subject = randomUUID();
    const first = await sso({ email, desk_role: "support" }, subject);
    if (!first.ok) throw new Error(first.reason);
    await sleep(5);
    await setStaffSso(admin, { userId: first.id, allowed: false });
    expect(await getSessionUser(database.db, { uid: first.id, signedInAt: first.signedInAt.getTime() }, lifetime)).toBeNull();
    expect(await sso({ email, email_verified: true, desk_role: "support" }, subject)).toEqual({ ok: false, reason: "sso not allowed" });
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.target, first.id), eq(auditLog.action, "staff.sso")));
    expect(audits).toHaveLength(1);
  });

  it("only admins change the SSO setting", async () => {
    const support = await staffCtx(database.db, "support");
    await expect(setStaffSso(support, { userId: support.user.id, allowed: true })).rejects.toMatchObject({ status: 403 });
    await expect(setStaffSso(admin, { userId: "x", allowed: "yes" })).rejects.toMatchObject({ status: 400 });
  });

  it("takes the issuer from the ID token, else the configured one", () => {
    expect(ssoIssuerOf(parseEnv({ OIDC_ISSUER: "https://idp.test/", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }), {})).toBe("https://idp.test");
    expect(ssoIssuerOf(env, { iss: "https://idp.test/realm" })).toBe("https://idp.test/realm");
  });
});
