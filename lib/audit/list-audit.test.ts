import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { Forbidden, InvalidInput } from "../errors";
import { exportAuditCsv, listAudit } from "./list-audit";
import { recordAudit } from "./record-audit";

let database: TestDatabase;
let compliance: Ctx;
let support: Ctx;
const dossierId = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  [compliance, support] = await Promise.all([staffCtx(database.db, "compliance"), staffCtx(database.db, "support")]);
  const actor = { id: "a", email: "ana@desk.test", role: "compliance" };
  await recordAudit(database.db, actor, { action: "review.decide", dossierId, processId: "p1" });
  await recordAudit(database.db, actor, { action: "review.assign", dossierId, processId: "p1" });
  await recordAudit(database.db, { ...actor, email: "bo@desk.test" }, { action: "auth.sign_in_failed", details: { reason: "=HYPERLINK(\"x\")" } });
});
afterAll(async () => {
  await database.dispose();
});

describe("the audit page's queries", () => {
  it("filters by who, what (prefix), dossier and day, newest first", async () => {
    expect((await listAudit(compliance, { who: "ana@" })).items.map((r) => r.action)).toEqual(["review.assign", "review.decide"]);
    expect((await listAudit(compliance, { what: "review" })).items).toHaveLength(2);
    expect((await listAudit(compliance, { what: "review.decide" })).items).toHaveLength(1);
    expect((await listAudit(compliance, { dossierId })).items).toHaveLength(2);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(compliance, { from: today, to: today, who: "desk.test" })).items.length).toBeGreaterThanOrEqual(3);
    expect((await listAudit(compliance, { to: "2000-01-01" })).items).toEqual([]);
  });

  it("reads From and To as days in the viewer's time zone", async () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Oslo, and 12:30 on the 2nd in Auckland.
    const lateEvening = new Date("2026-12-01T23:30:00Z");
    await database.db.insert(auditLog).values({ actorEmail: "zone@desk.test", action: "zone.check", at: lateEvening, details: {} });
    const on = (day: string, tz?: string) => listAudit(compliance, { what: "zone.check", from: day, to: day, tz });
    expect((await on("2026-12-01")).items).toHaveLength(1);
    expect((await on("2026-12-01", "UTC")).items).toHaveLength(1);
    expect((await on("2026-12-02", "UTC")).items).toHaveLength(0);
    expect((await on("2026-12-02", "Europe/Oslo")).items).toHaveLength(1);
    expect((await on("2026-12-01", "Europe/Oslo")).items).toHaveLength(0);
    expect((await on("2026-12-02", "Pacific/Auckland")).items).toHaveLength(1);
    expect((await on("2026-12-01", "America/New_York")).items).toHaveLength(1);
  });

  it("refuses a time zone it does not know and a range that ends before it starts", async () => {
    await expect(listAudit(compliance, { from: "2026-12-01", tz: "Mars/Olympus_Mons" })).rejects.toBeInstanceOf(InvalidInput);
    await expect(listAudit(compliance, { from: "2026-12-02", to: "2026-12-01" })).rejects.toThrow(/to: the date range ends before it starts/);
  });

  it("pages by keyset", async () => {
    const first = await listAudit(compliance, { who: "desk.test", limit: 2 });
    const second = await listAudit(compliance, { who: "desk.test", limit: 2, before: first.nextBefore });
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(first.items.length + second.items.length);
  });

  it("exports CSV that a spreadsheet cannot run, and audits the export", async () => {
    const csv = await exportAuditCsv(compliance, { who: "bo@" });
    expect(csv.split("\r\n")[0]).toBe("\uFEFFid,at,actorEmail,actorRole,action,dossierId,processId,target,address,details");
    expect(csv).toContain("auth.sign_in_failed");
    expect((await listAudit(compliance, { what: "audit.export" })).items).toHaveLength(1);
  });

  it("is closed to support", async () => {
    await expect(listAudit(support, {})).rejects.toBeInstanceOf(Forbidden);
    await expect(exportAuditCsv(support, {})).rejects.toBeInstanceOf(Forbidden);
  });
});
