import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { sealView } from "../pagination/sealed-view";
import { assignProcessToMe } from "../reviews/assignments";
import { getProcessPage } from "./get-process-page";
import { listProcesses } from "./list-processes";
import { getProcessNeighbours, openProcessListView, sealProcessListView, type ProcessListView } from "./list-walk";
import { PROCESS_SORTS, type ProcessSort } from "./process-list-query";
import { seedProcesses, uniqueDay, type ProcessSpec } from "./testing/seed-processes";

let database: TestDatabase;
let compliance: Ctx & { user: NonNullable<Ctx["user"]> };
let support: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  [compliance, support] = await Promise.all([staffCtx(database.db, "compliance"), staffCtx(database.db, "support")]);
});
afterAll(async () => {
  await database.dispose();
});

/** Updated and created times run in different orders and tie; accepted rows are outside the status filter. */
const SPECS: ProcessSpec[] = [
  { updated: 10, created: 50, status: "rejected", lastName: "Walker" },
  { updated: 20, created: 40, status: "accepted", lastName: "Walker" },
  { updated: 20, created: 40, status: "inconclusive", lastName: "Walker" },
  { updated: 20, created: 40, status: "rejected", lastName: "Other" },
  { updated: 30, created: 30, status: "accepted", lastName: "Walker" },
  { updated: 40, created: 20, status: "inconclusive", lastName: "Walker" },
  { updated: 50, created: 10, status: "rejected", lastName: "Walker" },
];

function viewOf(day: string, sort: ProcessSort, more: Partial<ProcessListView["filters"]> = {}): ProcessListView {
  return { sort, filters: { from: day, to: day, dates: sort.startsWith("created") ? "created" : "updated", status: ["rejected", "inconclusive"], ...more } };
}

const ids = (rows: { processId: string }[]) => rows.map((r) => r.processId);

describe("getProcessNeighbours: the queue's where and order", () => {
  it.each(PROCESS_SORTS)("%s: each row's neighbours are the rows around it in the list, none past either end", async (sort) => {
    const day = uniqueDay();
    await seedProcesses(database.db, day, SPECS);
    const view = viewOf(day, sort);
    const list = ids((await listProcesses(database.db, { filters: view.filters, sort, limit: 100 })).items);
    expect(list).toHaveLength(5);
    for (const [i, processId] of list.entries()) {
      const { previous, next } = await getProcessNeighbours(database.db, processId, view, null);
      expect(previous?.processId ?? null).toBe(list[i - 1] ?? null);
      expect(next?.processId ?? null).toBe(list[i + 1] ?? null);
    }
  });

  it("walks from a process the filter leaves out, from where it stands in the order", async () => {
    const day = uniqueDay();
    const seeded = await seedProcesses(database.db, day, SPECS);
    const view = viewOf(day, "updated.desc");
    const list = ids((await listProcesses(database.db, { filters: view.filters, sort: view.sort, limit: 100 })).items);
    // Accepted at minute 30: between the inconclusive one at 40 and the rows at 20.
    const excluded = seeded[4]!.processId;
    expect(list).not.toContain(excluded);
    const { previous, next } = await getProcessNeighbours(database.db, excluded, view, null);
    expect(previous?.processId).toBe(seeded[5]!.processId);
    expect(next?.processId).toBe(list[list.indexOf(seeded[5]!.processId) + 1]);
  });

  it("keeps the look-up and the review filters of the view", async () => {
    const day = uniqueDay();
    const seeded = await seedProcesses(database.db, day, SPECS);
    const byName = viewOf(day, "updated.asc", { q: "walker", by: "name" });
    const named = ids((await listProcesses(database.db, { filters: byName.filters, sort: byName.sort, limit: 100 })).items);
    expect(named).not.toContain(seeded[3]!.processId);
    expect((await getProcessNeighbours(database.db, named[1]!, byName, null)).next?.processId).toBe(named[2]);

    await assignProcessToMe(compliance, { processId: seeded[5]!.processId });
    const viewer = { userId: compliance.user.id, role: compliance.user.role };
    const unassigned = viewOf(day, "updated.desc", { assigned: "unassigned" });
    const open = ids((await listProcesses(database.db, { filters: unassigned.filters, sort: unassigned.sort, limit: 100 }, viewer)).items);
    expect(open).not.toContain(seeded[5]!.processId);
    const { next } = await getProcessNeighbours(database.db, seeded[6]!.processId, unassigned, viewer);
    expect(next?.processId).toBe(open[1]);
  });
});

describe("the sealed view in the process page's address", () => {
  it("opens what the queue sealed, and nothing altered, foreign or damaged", () => {
    const view = viewOf("2001-02-03", "created.asc", { q: "maria santos", by: "name" });
    const sealed = sealProcessListView(view);
    // The look-up text never appears in the address, not even encoded.
    expect(sealed).not.toMatch(/maria/i);
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toMatch(/maria/i);
    expect(openProcessListView(sealed)).toMatchObject(view);

    const altered = Buffer.from(sealed, "base64url");
    altered[altered.length - 1]! ^= 1;
    expect(openProcessListView(altered.toString("base64url"))).toBeNull();
    expect(openProcessListView(sealView("dossiers", view))).toBeNull();
    expect(openProcessListView("not-a-view")).toBeNull();
    expect(openProcessListView(sealView("processes", { sort: "sideways", filters: {} }))).toBeNull();
  });

  it("gives the page its neighbours only with a view, and none of a review filter to a role that does not review", async () => {
    const day = uniqueDay();
    const seeded = await seedProcesses(database.db, day, SPECS);
    const view = viewOf(day, "updated.desc");
    const list = ids((await listProcesses(database.db, { filters: view.filters, sort: view.sort, limit: 100 })).items);
    const current = seeded.find((s) => s.processId === list[1])!;
    const from = sealProcessListView(view);

    const page = await getProcessPage(compliance, { ...current, from });
    expect(page.walk).toMatchObject({ from, previous: { processId: list[0] }, next: { processId: list[2] } });
    expect((await getProcessPage(compliance, current)).walk).toBeNull();
    expect((await getProcessPage(compliance, { ...current, from: `${from}x` })).walk).toBeNull();
    expect((await getProcessPage(compliance, { ...current, from: "x".repeat(5000) })).walk).toBeNull();

    const officersQueue = sealProcessListView(viewOf(day, "updated.desc", { assigned: "mine" }));
    expect((await getProcessPage(support, { ...current, from: officersQueue })).walk).toBeNull();
    expect((await getProcessPage(support, { ...current, from })).walk?.next?.processId).toBe(list[2]);
  });
});
