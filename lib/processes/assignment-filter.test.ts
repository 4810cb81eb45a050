import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processAssignments } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { InvalidInput } from "../errors";
import { assignProcessToMe } from "../reviews/assignments";
import { recordReviewDecision } from "../reviews/review-decisions";
import { listProcesses, type QueueViewer } from "./list-processes";
import type { ProcessFilters } from "./process-list-query";
import { countProcessStatuses } from "./status-counts";
import { seedProcesses, uniqueDay, type ProcessSpec } from "./testing/seed-processes";

type StaffCtx = Ctx & { user: NonNullable<Ctx["user"]> };

let database: TestDatabase;
let officer: StaffCtx;
let colleague: StaffCtx;
let support: StaffCtx;
let admin: StaffCtx;
beforeAll(async () => {
  database = await createTestDatabase();
  [officer, colleague, support, admin] = await Promise.all([
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "support"),
    staffCtx(database.db, "admin"),
  ]);
});
afterAll(async () => {
  await database.dispose();
});

const viewerOf = (ctx: StaffCtx): QueueViewer => ({ userId: ctx.user.id, role: ctx.user.role });
const decide = (processId: string) => ({ processId, decision: "approve", reasonCategory: "other", note: "Checked by eye." });

/**
 * One day of processes in every assignment situation, newest first by `updated`:
 * what each officer has taken, what is open and untaken, and what is not open review work.
 */
async function seedQueue() {
  const day = uniqueDay();
  const spec = (status: ProcessSpec["status"], updated: number): ProcessSpec => ({ status, updated });
  const [mineInconclusive, mineRejected, mineAccepted, colleagues, open1, open2, open3, awaiting, decided, accepted, failed] = await seedProcesses(
    database.db,
    day,
    [
      spec("inconclusive", 110),
      spec("rejected", 100),
      spec("accepted", 90),
      spec("inconclusive", 80),
      spec("inconclusive", 70),
      spec("rejected", 60),
      spec("inconclusive", 50),
      spec("rejected", 40),
      spec("inconclusive", 30),
      spec("accepted", 20),
      spec("failed", 10),
    ],
  );
  for (const p of [mineInconclusive!, mineRejected!]) await assignProcessToMe(officer, { processId: p.processId });
  // Taken while it was open, then Assure accepted it: "Assign to me" refuses accepted ones, so written directly.
  await database.db.insert(processAssignments).values({ processId: mineAccepted!.processId, assigneeId: officer.user!.id });
  await assignProcessToMe(colleague, { processId: colleagues!.processId });
  // Decided by an officer who then let go of it: not open work any more.
  await recordReviewDecision(colleague, decide(decided!.processId), { fourEyes: false });
  // Waiting for a second officer: still open work, and nobody has taken it.
  await recordReviewDecision(colleague, decide(awaiting!.processId), { fourEyes: true });
  const ids = (...ps: (typeof open1)[]) => ps.map((p) => p!.processId);
  return {
    day,
    mine: ids(mineInconclusive, mineRejected, mineAccepted),
    unassigned: ids(open1, open2, open3, awaiting),
    colleagues: ids(colleagues),
    others: ids(decided, accepted, failed),
  };
}

async function walk(filters: Partial<ProcessFilters>, viewer: QueueViewer, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listProcesses>> = await listProcesses(database.db, { filters, limit, cursor }, viewer);
    pages.push(page.items.map((i) => i.processId));
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe("the assignment filters", () => {
  it("My queue lists what the signed-in officer has taken, whatever its status, page by page", async () => {
    const { day, mine, colleagues } = await seedQueue();
    const view = { from: day, to: day, assigned: "mine" } as const;
    expect(await walk(view, viewerOf(officer), 2)).toEqual([mine.slice(0, 2), mine.slice(2)]);
    expect(await walk(view, viewerOf(colleague), 2)).toEqual([colleagues]);

    const page = await listProcesses(database.db, { filters: view }, viewerOf(officer));
    expect(page.items.map((i) => i.assignee)).toEqual(["compliance tester", "compliance tester", "compliance tester"]);

    // It combines with the other filters, and its counts are taken over the same rows.
    const rejected = await listProcesses(database.db, { filters: { ...view, status: ["rejected"] } }, viewerOf(officer));
    expect(rejected.items.map((i) => i.processId)).toEqual([mine[1]]);
    const counts = await countProcessStatuses(database.db, { ...view, status: ["rejected"] }, viewerOf(officer));
    expect(counts.source).toBe("filtered");
    expect(counts.byStatus.inconclusive).toEqual({ count: 1, capped: false });
    expect(counts.byStatus.rejected).toEqual({ count: 1, capped: false });
    expect(counts.byStatus.accepted).toEqual({ count: 1, capped: false });
    expect(counts.byStatus.failed).toEqual({ count: 0, capped: false });
    expect(counts.total).toEqual({ count: 1, capped: false });
  });

  it("My queue drops what has a final decision; Decided lists it, with the same counts and cursors", async () => {
    const day = uniqueDay();
    const [decidedByMe, awaitingMine, open, decidedByColleague, colleaguesDecided] = await seedProcesses(database.db, day, [
      { status: "rejected", updated: 50 },
      { status: "inconclusive", updated: 40 },
      { status: "inconclusive", updated: 30 },
      { status: "rejected", updated: 20 },
      { status: "inconclusive", updated: 10 },
    ]);
    for (const p of [decidedByMe!, awaitingMine!, open!, decidedByColleague!]) await assignProcessToMe(officer, { processId: p.processId });
    await recordReviewDecision(officer, { ...decide(decidedByMe!.processId), decision: "reject" }, { fourEyes: false });
    await recordReviewDecision(officer, decide(awaitingMine!.processId), { fourEyes: true });
    // Taken by me, decided by a colleague: done all the same.
    await recordReviewDecision(colleague, decide(decidedByColleague!.processId), { fourEyes: false });
    // Decided by a colleague on work nobody gave me: theirs, not mine.
    await recordReviewDecision(colleague, decide(colleaguesDecided!.processId), { fourEyes: false });

    const mine = { from: day, to: day, assigned: "mine" } as const;
    expect((await walk(mine, viewerOf(officer), 1)).flat()).toEqual([awaitingMine!.processId, open!.processId]);
    const decided = { from: day, to: day, assigned: "decided" } as const;
    expect(await walk(decided, viewerOf(officer), 1)).toEqual([[decidedByMe!.processId], [decidedByColleague!.processId]]);
    expect((await walk(decided, viewerOf(colleague), 10)).flat()).toEqual([decidedByColleague!.processId, colleaguesDecided!.processId]);

    const mineCounts = await countProcessStatuses(database.db, mine, viewerOf(officer));
    expect(mineCounts.total).toEqual({ count: 2, capped: false });
    const decidedCounts = await countProcessStatuses(database.db, decided, viewerOf(officer));
    expect(decidedCounts.byStatus.rejected).toEqual({ count: 2, capped: false });
    expect(decidedCounts.total).toEqual({ count: 2, capped: false });

    // The queue's Decision column.
    const page = await listProcesses(database.db, { filters: { from: day, to: day } }, viewerOf(officer));
    expect(page.items.map((i) => i.decision)).toEqual([
      { decision: "reject", state: "final" },
      { decision: "approve", state: "awaiting_confirmation" },
      null,
      { decision: "approve", state: "final" },
      { decision: "approve", state: "final" },
    ]);

    // A cursor of one view is refused by the other.
    const { nextCursor } = await listProcesses(database.db, { filters: decided, limit: 1 }, viewerOf(officer));
    await expect(listProcesses(database.db, { filters: mine, limit: 1, cursor: nextCursor }, viewerOf(officer))).rejects.toThrow(/another sort or filter/);
    await expect(listProcesses(database.db, { filters: decided, limit: 1, cursor: nextCursor }, viewerOf(colleague))).rejects.toThrow(/another sort or filter/);
  });

  it("Unassigned lists open review work nobody has taken: reviewable, no assignment, no final decision", async () => {
    const { day, mine, unassigned, colleagues, others } = await seedQueue();
    const view = { from: day, to: day, assigned: "unassigned" } as const;
    const pages = await walk(view, viewerOf(officer), 3);
    expect(pages).toEqual([unassigned.slice(0, 3), unassigned.slice(3)]);
    for (const id of [...mine, ...colleagues, ...others]) expect(pages.flat()).not.toContain(id);
    // The same for every officer: it does not depend on who asks.
    expect((await walk(view, viewerOf(colleague), 10)).flat()).toEqual(unassigned);

    const counts = await countProcessStatuses(database.db, view, viewerOf(officer));
    expect(counts.byStatus.inconclusive).toEqual({ count: 2, capped: false });
    expect(counts.byStatus.rejected).toEqual({ count: 2, capped: false });
    expect(counts.byStatus.accepted.count).toBe(0);
    expect(counts.total).toEqual({ count: 4, capped: false });

    // Taking one moves it from Unassigned to My queue.
    await assignProcessToMe(officer, { processId: unassigned[0]! });
    expect((await walk(view, viewerOf(officer), 10)).flat()).toEqual(unassigned.slice(1));
    expect((await walk({ ...view, assigned: "mine" }, viewerOf(officer), 10)).flat()).toContain(unassigned[0]);
  });

  it("binds a page link to its view: the assignment filter and, for My queue, whose queue", async () => {
    const { day } = await seedQueue();
    const view = { from: day, to: day, assigned: "mine" } as const;
    const { nextCursor } = await listProcesses(database.db, { filters: view, limit: 1 }, viewerOf(officer));
    expect(nextCursor).not.toBeNull();
    await expect(listProcesses(database.db, { filters: view, limit: 1, cursor: nextCursor }, viewerOf(colleague))).rejects.toThrow(/another sort or filter/);
    await expect(listProcesses(database.db, { filters: { ...view, assigned: "unassigned" }, limit: 1, cursor: nextCursor }, viewerOf(officer))).rejects.toThrow(/another sort or filter/);
    await expect(listProcesses(database.db, { filters: { from: day, to: day }, limit: 1, cursor: nextCursor }, viewerOf(officer))).rejects.toThrow(/another sort or filter/);
  });

  it("is for roles that review, and needs the viewer from the session", async () => {
    const { day } = await seedQueue();
    for (const assigned of ["mine", "decided", "unassigned"] as const) {
      const filters = { from: day, to: day, assigned };
      for (const ctx of [support, admin]) {
        await expect(listProcesses(database.db, { filters }, viewerOf(ctx))).rejects.toBeInstanceOf(InvalidInput);
        await expect(countProcessStatuses(database.db, filters, viewerOf(ctx))).rejects.toThrow(/compliance officers/);
      }
      await expect(listProcesses(database.db, { filters })).rejects.toThrow(/compliance officers/);
    }
    await expect(listProcesses(database.db, { filters: { assigned: "everyone" as "mine" } }, viewerOf(officer))).rejects.toBeInstanceOf(InvalidInput);
  });
});
