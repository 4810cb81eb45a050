import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, processRetries, reviewDecisions, webhookInbox } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { replaceFindings } from "../findings/store-findings";
import { OnfidoReportSchema } from "../onfido/report-schemas";
import { assureProcess, uniqueDay } from "../processes/testing/seed-processes";
import { listProcesses } from "../processes/list-processes";
import { upsertProcess } from "../processes/upsert-process";
import { sampleDocumentReport } from "../results/testing/sample-result";
import { eq, sql } from "drizzle-orm";
import { REVIEWABLE_STATUSES } from "../reviews/review-decisions";
import { rowsOf } from "../../db/rows-of";
import { exportOverviewCsv } from "./export-overview-csv";
import { getOverviewPage } from "./get-overview-page";
import { addDays, OverviewFilters } from "./overview-filters";
import { failReasons, finalTurnaround, flaggedFindings, intakeHealth, retryOutcomes, reviewBacklog, reviewTurnaround, statusPerDay } from "./overview-queries";

/**
 * The overview's aggregates against answers worked out by hand, on PGlite and (with DATABASE_URL) the
 * PostgreSQL server. The processes of this file have a country of their own (XQA), so the other rows in
 * the database (the loader test's) do not count.
 */

let database: TestDatabase;
const day = uniqueDay();
const next = addDays(day, 1);
const country = "XQA";
const filters = OverviewFilters.parse({ from: day, to: next, country });
const ids: Record<string, string> = {};

const at = (d: string, minute: number, second = 0) => new Date(Date.parse(`${d}T00:00:00Z`) + minute * 60_000 + second * 1000);

async function seed(name: string, d: string, status: string, created: number, updated: number, failReason?: string) {
  const process: Record<string, unknown> = {
    ...assureProcess(d, { status: status as never, created, updated, issuingCountry: country }),
    ...(failReason ? { failReason: { type: failReason, message: "..." } } : {}),
  };
  await upsertProcess(database.db, { dossierId: randomUUID(), process });
  ids[name] = String(process.processId);
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Day 1: five final processes taking 30, 60, 10, 20 and 40 minutes; day 2: one more.
  await seed("accepted", day, "accepted", 600, 630);
  await seed("rejected", day, "rejected", 600, 660);
  await seed("failedProvider", day, "failed", 600, 610, "PROVIDER_ERROR");
  await seed("inconclusive", day, "inconclusive", 620, 640);
  await seed("failedTimeout", day, "failed", 600, 640, "TIMEOUT");
  await seed("retried", next, "accepted", 60, 70);

  const report = (flags: Record<string, string[]>) => OnfidoReportSchema.parse(sampleDocumentReport({ flags }));
  await replaceFindings(database.db, ids.rejected!, [report({ "image_integrity.image_quality": ["blurred_photo"] })]);
  await replaceFindings(database.db, ids.inconclusive!, [
    report({ "image_integrity.image_quality": ["glare_on_photo"], "visual_authenticity.original_document_present": ["photo_of_screen"] }),
  ]);

  const officer = await staffCtx(database.db, "compliance");
  // The rejected process (final at 11:00) is decided at 12:00: one hour.
  await database.db.insert(reviewDecisions).values({
    processId: ids.rejected!,
    decision: "reject",
    reasonCategory: "document",
    note: "n",
    state: "final",
    decidedBy: officer.user.id,
    decidedAt: at(day, 720),
  });
  await database.db.insert(processRetries).values({
    originalProcessId: ids.failedProvider!,
    dossierId: randomUUID(),
    attempt: 1,
    idempotencyKey: randomUUID(),
    state: "started",
    newProcessId: ids.retried!,
    parameters: {},
    requestedBy: officer.user.id,
    requestedAt: at(day, 700),
  });
  const inbox = (minute: number, state: "done" | "dead" | "failed", storedAfter: number | null) => ({
    dedupeKey: randomUUID(),
    receivedAt: at(day, minute),
    body: {},
    headers: {},
    dossierId: randomUUID(),
    processId: randomUUID(),
    state,
    statusStoredAt: storedAfter === null ? null : at(day, minute, storedAfter),
  });
  await database.db.insert(webhookInbox).values([inbox(605, "done", 2), inbox(620, "dead", 4), inbox(670, "failed", null)]);
});

afterAll(async () => {
  await database.dispose();
});

describe("overview aggregates", () => {
  it("counts processes per creation day and status", async () => {
    expect(await statusPerDay(database.db, filters)).toEqual([
      { day, status: "accepted", n: 1 },
      { day, status: "failed", n: 2 },
      { day, status: "inconclusive", n: 1 },
      { day, status: "rejected", n: 1 },
      { day: next, status: "accepted", n: 1 },
    ]);
    // The queue's filters narrow it: no documentVideo here.
    expect(await statusPerDay(database.db, { ...filters, type: "documentVideo" })).toEqual([]);
  });

  it("counts failed processes by failReason type", async () => {
    expect(await failReasons(database.db, filters)).toEqual([
      { reason: "PROVIDER_ERROR", n: 1 },
      { reason: "TIMEOUT", n: 1 },
    ]);
  });

  it("finds the breakdowns flagged most, with their reasons", async () => {
    const rows = await flaggedFindings(database.db, filters);
    expect(rows).toEqual([
      { path: "document.image_integrity", n: 2, reasons: [] },
      { path: "document.image_integrity.image_quality", n: 2, reasons: [{ key: "blurred_photo", n: 1 }, { key: "glare_on_photo", n: 1 }] },
      { path: "document.visual_authenticity", n: 1, reasons: [] },
      { path: "document.visual_authenticity.original_document_present", n: 1, reasons: [{ key: "photo_of_screen", n: 1 }] },
    ]);
  });

  it("counts the flagged checks of the range alone, narrowed or not", async () => {
    // A process of the day before (accepted: no review work), with a flagged check: outside the range,
    // whichever way the range is read.
    await seed("dayBefore", addDays(day, -1), "accepted", 600, 660);
    const report = OnfidoReportSchema.parse(sampleDocumentReport({ flags: { "image_integrity.image_quality": ["dark_photo"] } }));
    await replaceFindings(database.db, ids.dayBefore!, [report]);
    const narrowed = await flaggedFindings(database.db, filters);
    expect(narrowed.flatMap((row) => row.reasons.map((r) => r.key))).not.toContain("dark_photo");
    // Without a type, document type or country the range is read from the findings' copy of the creation time.
    expect(await flaggedFindings(database.db, { ...filters, country: null })).toEqual(narrowed);
    expect(await flaggedFindings(database.db, { ...filters, from: addDays(day, -1), to: addDays(day, -1), country: null })).toEqual([
      { path: "document.image_integrity", n: 1, reasons: [] },
      { path: "document.image_integrity.image_quality", n: 1, reasons: [{ key: "dark_photo", n: 1 }] },
    ]);
  });

  it("takes created → final percentiles per day", async () => {
    // 10, 20, 30, 40, 60 minutes: p50 30 min; p95 at rank 3.8, 40 + 0.8 × 20 = 56 min.
    expect(await finalTurnaround(database.db, filters)).toEqual([
      { day, n: 5, p50: 1800, p95: 3360 },
      { day: next, n: 1, p50: 600, p95: 600 },
    ]);
  });

  it("takes final → decision for reviews, and the open backlog by age", async () => {
    expect(await reviewTurnaround(database.db, filters)).toEqual([{ day, n: 1, p50: 3600, p95: 3600 }]);
    // Two days after it became final, the inconclusive process is the only open review.
    expect(await reviewBacklog(database.db, filters, at(addDays(day, 2), 640))).toEqual([
      { bucket: "0-1d", n: 0 },
      { bucket: "1-3d", n: 1 },
      { bucket: "3-7d", n: 0 },
      { bucket: "7d+", n: 0 },
    ]);
  });

  it("keeps the backlog's index on exactly the statuses a person reviews (else the planner cannot use it)", async () => {
    const [row] = rowsOf<{ indexdef: string }>(await database.db.execute(sql`select indexdef from pg_indexes where indexname = 'processes_review_work_idx'`));
    const listed = [...(row?.indexdef.match(/'([a-z_]+)'/g) ?? [])].map((s) => s.slice(1, -1)).sort();
    expect(listed).toEqual([...REVIEWABLE_STATUSES].sort());
  });

  it("counts retries by how they ended", async () => {
    expect(await retryOutcomes(database.db, filters)).toEqual([{ outcome: "accepted", n: 1 }]);
  });

  it("counts notifications per hour, failing and dead, and the time to a stored status", async () => {
    expect(await intakeHealth(database.db, { ...filters, to: day })).toEqual([
      { hour: `${day}T10:00`, received: 2, failed: 0, dead: 1, p50: 3, p95: 3.9 },
      { hour: `${day}T11:00`, received: 1, failed: 1, dead: 0, p50: null, p95: null },
    ]);
  });
});

describe("the queue filters the charts link to", () => {
  it("opens the processes a finding or a fail reason counted", async () => {
    const ofQueue = async (filters: Record<string, unknown>) =>
      (await listProcesses(database.db, { filters: { country, dates: "created", from: day, to: next, ...filters } })).items.map((p) => p.processId).sort();
    expect(await ofQueue({ finding: "document.image_integrity.image_quality" })).toEqual([ids.rejected, ids.inconclusive].sort());
    expect(await ofQueue({ finding: "document.visual_authenticity.original_document_present" })).toEqual([ids.inconclusive]);
    expect(await ofQueue({ status: ["failed"], reason: "TIMEOUT" })).toEqual([ids.failedTimeout]);
    await expect(ofQueue({ finding: "document; drop table" })).rejects.toThrow(/finding/);
  });
});

describe("overview page and export", () => {
  it("links each row to the queue filtered to it, and says when a range is empty", async () => {
    const admin = await staffCtx(database.db, "admin");
    const page = await getOverviewPage(admin, { from: day, to: next, country });
    const reasons = page.charts.find((c) => c.id === "fail-reasons")!;
    expect(reasons.rows.map((r) => r.href)).toEqual([
      `/processes?status=failed&country=${country}&reason=PROVIDER_ERROR&dates=created&from=${day}&to=${next}`,
      `/processes?status=failed&country=${country}&reason=TIMEOUT&dates=created&from=${day}&to=${next}`,
    ]);
    const findings = page.charts.find((c) => c.id === "flagged-findings")!;
    expect(findings.rows[1]!.href).toBe(`/processes?country=${country}&finding=document.image_integrity.image_quality&dates=created&from=${day}&to=${next}`);

    const empty = await getOverviewPage(admin, { from: "2000-01-01", to: "2000-01-02", country });
    const perDay = empty.charts.find((c) => c.id === "status-per-day")!;
    expect(perDay.rows).toEqual([]);
    // The page says so in its language (Charts.statusPerDay.empty), about this range.
    expect(perDay.about).toEqual({ from: "2000-01-01", to: "2000-01-02" });
  });

  it("exports a chart's table as CSV and audits the filters and row count", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const csv = await exportOverviewCsv(officer, { chart: "fail-reasons", from: day, to: next, country });
    expect(csv.body).toBe(`\uFEFFfailReason type,Processes\r\nPROVIDER_ERROR,1\r\nTIMEOUT,1\r\n`);
    expect(csv.fileName).toMatch(/^overview-fail-reasons-\d{4}-\d{2}-\d{2}\.csv$/);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.actorId, officer.user.id));
    expect(entry).toMatchObject({ action: "overview.export", details: { chart: "fail-reasons", filters: { from: day, to: next, country, tz: "UTC" }, rows: 2 } });
  });

  it("refuses support, and a chart it does not know", async () => {
    const support = await staffCtx(database.db, "support");
    await expect(exportOverviewCsv(support, { chart: "fail-reasons" })).rejects.toThrow(/may not/);
    const admin = await staffCtx(database.db, "admin");
    await expect(exportOverviewCsv(admin, { chart: "names" })).rejects.toThrow(/chart/i);
  });
});

describe("days in the viewer's time zone", () => {
  // Oslo is an hour ahead of UTC in January (uniqueDay's days are in 2001): 23:30 UTC is 00:30 the next day there.
  const oslo = "Europe/Oslo";
  const zoneCountry = "XQZ";
  const late: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, minute] of [["evening", 22 * 60 + 30], ["midnight", 23 * 60 + 30]] as const) {
      const process = assureProcess(day, { status: "accepted", created: minute, updated: minute, issuingCountry: zoneCountry });
      await upsertProcess(database.db, { dossierId: randomUUID(), process });
      late[name] = String(process.processId);
    }
  });

  it("counts each process on the day it was created where the viewer is", async () => {
    const utc = OverviewFilters.parse({ from: day, to: next, country: zoneCountry });
    expect(await statusPerDay(database.db, utc)).toEqual([{ day, status: "accepted", n: 2 }]);
    const local = OverviewFilters.parse({ from: day, to: next, country: zoneCountry, tz: oslo });
    expect(await statusPerDay(database.db, local)).toEqual([
      { day, status: "accepted", n: 1 },
      { day: next, status: "accepted", n: 1 },
    ]);
    // The range is the viewer's days too: the day before, in Oslo, ends at 23:00 UTC.
    expect(await statusPerDay(database.db, OverviewFilters.parse({ from: next, to: next, country: zoneCountry, tz: oslo }))).toEqual([{ day: next, status: "accepted", n: 1 }]);
  });

  it("links a day's row to the queue holding the same processes, read in the same zone", async () => {
    const admin = await staffCtx(database.db, "admin");
    const page = await getOverviewPage(admin, { from: day, to: next, country: zoneCountry }, oslo);
    const perDay = page.charts.find((c) => c.id === "status-per-day")!;
    expect(perDay.rows.map((r) => r.values.day)).toEqual([day, next]);
    for (const row of perDay.rows) {
      const params = new URL(row.href, "http://desk").searchParams;
      const listed = await listProcesses(database.db, { filters: { country: zoneCountry, dates: "created", from: params.get("from"), to: params.get("to"), tz: oslo } });
      expect(listed.items.map((p) => p.processId)).toEqual([row.values.day === day ? late.evening : late.midnight]);
    }
    // A zone in the URL is not read: the days are the viewer's.
    const asked = await getOverviewPage(admin, { from: day, to: next, country: zoneCountry, tz: "UTC" }, oslo);
    expect(asked.filters.tz).toBe(oslo);
    expect(asked.query).not.toContain("tz");
  });

  it("counts notifications by the viewer's clock hours", async () => {
    expect(await intakeHealth(database.db, { ...filters, to: day, tz: oslo })).toEqual([
      { hour: `${day}T11:00`, received: 2, failed: 0, dead: 1, p50: 3, p95: 3.9 },
      { hour: `${day}T12:00`, received: 1, failed: 1, dead: 0, p50: null, p95: null },
    ]);
  });

  it("exports the days the page showed, and audits the zone", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const csv = await exportOverviewCsv(officer, { chart: "status-per-day", from: day, to: next, country: zoneCountry }, oslo);
    expect(csv.body).toBe(`\uFEFFDay,accepted\r\n${day},1\r\n${next},1\r\n`);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.actorId, officer.user.id));
    expect(entries.at(-1)).toMatchObject({ details: { chart: "status-per-day", filters: { from: day, to: next, country: zoneCountry, tz: oslo } } });
  });

  it("takes today, by default, where the viewer is", () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T23:30:00Z") });
    try {
      expect(OverviewFilters.parse({ tz: oslo })).toMatchObject({ from: "2026-11-03", to: "2026-12-02" });
      expect(OverviewFilters.parse({})).toMatchObject({ from: "2026-11-02", to: "2026-12-01", tz: "UTC" });
    } finally {
      vi.useRealTimers();
    }
  });
});
