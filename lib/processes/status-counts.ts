import "server-only";
import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { processes, processStatusCounts } from "../../db/schema";
import { PROCESS_STATUSES, type ProcessStatus } from "../assure/schemas";
import { parseInput } from "../parse-input";
import type { QueueViewer } from "./assignment-filter";
import { narrowsBeyondStatus, processConditionsExceptStatus } from "./process-filters";
import { ProcessFilters } from "./process-list-query";
import { COUNT_CAP, type StatusCount, type StatusCounts } from "./status-counts-types";

export { COUNT_CAP, type StatusCount, type StatusCounts } from "./status-counts-types";

/**
 * Counts per status for the status filter, and the total in view.
 *
 * Why two ways: `count(*)` over a million rows costs ~230 ms however it is indexed, far over the
 * 100 ms a page may take. So
 *  - with no filter but the status, the counts come from `process_status_counts`, which triggers keep
 *    exact on every insert, update and delete (about a hundred rows to sum, < 1 ms);
 *  - when a look-up or another filter narrows the set, the matching rows are counted by status in one
 *    pass that stops at COUNT_CAP rows. A look-up (a name, a document number, a date of birth) is
 *    narrow and gets exact counts; a broad filter (a country, a month) gets "5,000+" and, per status,
 *    "at least n", rather than a slow page. Counting each status apart would read the matching heap
 *    rows once per status: measured at 130 ms for one country at 1M rows (bench/queries.ts).
 * A status count ignores the status filter itself (as facet counts do), so that staff see what
 * ticking another status would add; the total in view respects it.
 */

function summarise(byStatus: Record<ProcessStatus, StatusCount>, filters: ProcessFilters, source: StatusCounts["source"]): StatusCounts {
  const inView: readonly ProcessStatus[] = filters.status?.length ? filters.status : PROCESS_STATUSES;
  const total = inView.reduce<StatusCount>(
    (sum, status) => ({ count: sum.count + byStatus[status].count, capped: sum.capped || byStatus[status].capped }),
    { count: 0, capped: false },
  );
  return { byStatus, total, source };
}

function emptyCounts(): Record<ProcessStatus, StatusCount> {
  return Object.fromEntries(PROCESS_STATUSES.map((s) => [s, { count: 0, capped: false }])) as Record<ProcessStatus, StatusCount>;
}

async function countFromCounters(db: Db): Promise<Record<ProcessStatus, StatusCount>> {
  const rows = await db
    .select({ status: processStatusCounts.status, count: sql<string>`sum(${processStatusCounts.count})` })
    .from(processStatusCounts)
    .groupBy(processStatusCounts.status);
  const byStatus = emptyCounts();
  for (const row of rows) byStatus[row.status] = { count: Number(row.count), capped: false };
  return byStatus;
}

/** At most COUNT_CAP + 1 rows are read: the extra one says the count stopped. */
async function cappedCount(db: Db, where: SQL | undefined): Promise<StatusCount> {
  const matching = db.select({ one: sql`1` }).from(processes).where(where).limit(COUNT_CAP + 1).as("matching");
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
  const count = Number(row?.count ?? 0);
  return count > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count, capped: false };
}

async function countFiltered(db: Db, filters: ProcessFilters, viewer: QueueViewer | null): Promise<StatusCounts> {
  const conditions = processConditionsExceptStatus(filters, viewer);
  const matching = db
    .select({ status: processes.status })
    .from(processes)
    .where(and(...conditions))
    .limit(COUNT_CAP + 1)
    .as("matching");
  const rows = await db
    .select({ status: matching.status, count: sql<number>`count(*)::int` })
    .from(matching)
    .groupBy(matching.status);
  const capped = rows.reduce((sum, row) => sum + Number(row.count), 0) > COUNT_CAP;
  const byStatus = emptyCounts();
  // When the pass stopped early, what it saw of each status is a lower bound.
  for (const row of rows) byStatus[row.status] = { count: Number(row.count), capped };
  const counts = summarise(byStatus, filters, "filtered");
  if (!capped) return counts;
  // The statuses ticked may hold fewer than the cap: count them on their own (also capped).
  const total = filters.status?.length
    ? await cappedCount(db, and(...conditions, inArray(processes.status, filters.status)))
    : { count: COUNT_CAP, capped: true };
  return { ...counts, total };
}

/** `viewer` is the signed-in user (the session), which the assignment filters need. */
export async function countProcessStatuses(db: Db, input: unknown = {}, viewer: QueueViewer | null = null): Promise<StatusCounts> {
  const filters = parseInput(ProcessFilters, input, "These filters are not valid");
  return narrowsBeyondStatus(filters)
    ? countFiltered(db, filters, viewer)
    : summarise(await countFromCounters(db), filters, "counters");
}
