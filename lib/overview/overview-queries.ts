import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { processFindings, processes, processRetries, reviewDecisions, webhookInbox } from "../../db/schema";
import { processConditionsExceptStatus } from "../processes/process-filters";
import { REVIEWABLE_STATUSES } from "../reviews/review-decisions";
import { rowsOf } from "../../db/rows-of";
import { rangeOf, type OverviewFilters } from "./overview-filters";

/**
 * The overview's numbers, each one SQL aggregate over indexed columns (never a zip). Processes are taken
 * by the queue's own `where` (lib/processes/process-filters.ts) with the range on their creation day, so
 * that a chart's link to the queue opens the rows it counted. Days and hours are the viewer's, in the
 * filters' time zone (`at time zone`, no dearer than the UTC it replaced), as the queue reads its days.
 * Durations are seconds.
 */

const REVIEWABLE = sql.raw(`(${REVIEWABLE_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** Processes created in the range, narrowed by type, document type and country: the queue's `where`. */
function createdInRange(filters: OverviewFilters): SQL {
  return and(...processConditionsExceptStatus({ from: filters.from, to: filters.to, dates: "created", type: filters.type, doc: filters.doc, country: filters.country, tz: filters.tz }))!;
}

/** Type, document type and country alone (for charts whose range is on another time). */
function narrowedBy(filters: OverviewFilters): SQL {
  return and(sql`true`, ...processConditionsExceptStatus({ type: filters.type, doc: filters.doc, country: filters.country }))!;
}

/**
 * The day a time falls on in the zone (a validated IANA name, sent as a parameter), as a `date`: rows are
 * grouped by it (four bytes, hashed) and only the groups are written out as text (`isoDay`). Grouping by
 * the text itself made PostgreSQL format every row and sort the range on disk.
 */
const dateIn = (column: SQL | unknown, tz: string) => sql`(${column} at time zone ${tz})::date`;
const isoDay = (date: SQL) => sql`to_char(${date}, 'YYYY-MM-DD')`;
const seconds = (later: unknown, earlier: unknown) => sql`extract(epoch from (${later} - ${earlier}))`;
/** p50 and p95 of a duration in one aggregate (one sort per group): `p[1]`, `p[2]`. */
const medianAnd95 = (took: SQL) => sql`percentile_cont(array[0.5, 0.95]::float8[]) within group (order by ${took})`;

async function run<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export interface StatusDayRow {
  day: string;
  status: string;
  n: number;
}

export function statusPerDay(db: Db, filters: OverviewFilters): Promise<StatusDayRow[]> {
  return run(db, sql`select ${isoDay(sql`g.d`)} as day, g.status::text as status, g.n from (
      select ${dateIn(processes.createdAt, filters.tz)} as d, ${processes.status} as status, count(*)::int as n
      from ${processes} where ${createdInRange(filters)} group by 1, 2
    ) g order by g.d, 2`);
}

export interface FailReasonRow {
  reason: string | null;
  n: number;
}

export function failReasons(db: Db, filters: OverviewFilters): Promise<FailReasonRow[]> {
  return run(db, sql`select ${processes.failReasonType} as reason, count(*)::int as n
    from ${processes} where ${createdInRange(filters)} and ${processes.status} = 'failed'
    group by 1 order by 2 desc, 1 nulls last`);
}

export interface FlaggedRow {
  path: string;
  n: number;
  /** The flagged reasons under this path with their counts, most frequent first. */
  reasons: { key: string; n: number }[];
}

/**
 * The breakdowns and sub-breakdowns Onfido most often marked `consider`, with the reasons it gave. The
 * flagged checks of the range are read once from process_findings_flagged_checks_idx, by their copy of the
 * process's creation time (the same instants as the queue's days), and counted twice: by path, and by path
 * and reason. Narrowed by type, document type or country, they are also matched to the queue's `where`.
 */
export async function flaggedFindings(db: Db, filters: OverviewFilters, limit = 15): Promise<FlaggedRow[]> {
  const { start, end } = rangeOf(filters);
  const narrowed = filters.type || filters.doc || filters.country;
  const ofTheQueue = narrowed ? sql`and f.process_id in (select ${processes.processId} from ${processes} where ${createdInRange(filters)})` : sql``;
  const counted = await run<{ path: string; key: string | null; n: number }>(db, sql`with flagged as materialized (
      select f.path, f.properties from ${processFindings} f
      where f.result = 'consider' and f.depth > 0
        and f.process_created_at >= ${start.toISOString()}::timestamptz and f.process_created_at < ${end.toISOString()}::timestamptz
        ${ofTheQueue}
    ), paths as (
      select path, count(*)::int as n from flagged group by 1 order by 2 desc, 1 limit ${limit}
    )
    select false as reason, path, null::text as key, n from paths
    union all
    select true, f.path, r.key, count(*)::int from flagged f cross join lateral jsonb_each_text(f.properties) r
      where f.properties is not null and r.value = 'consider' and f.path in (select path from paths) group by 2, 3
    order by reason, n desc, path, key`);
  const reasons = counted.filter((row) => row.key !== null);
  return counted
    .filter((row) => row.key === null)
    .map(({ path, n }) => ({ path, n, reasons: reasons.filter((r) => r.path === path).map(({ key, n }) => ({ key: key!, n })) }));
}

export interface TurnaroundRow {
  day: string;
  n: number;
  p50: number | null;
  p95: number | null;
}

/** Created → final, by the day the process became final. */
export function finalTurnaround(db: Db, filters: OverviewFilters): Promise<TurnaroundRow[]> {
  const { start, end } = rangeOf(filters);
  const took = seconds(processes.finalAt, processes.createdAt);
  return run(db, sql`select ${isoDay(sql`g.d`)} as day, g.n, g.p[1] as p50, g.p[2] as p95 from (
      select ${dateIn(processes.finalAt, filters.tz)} as d, count(*)::int as n, ${medianAnd95(took)} as p
      from ${processes}
      where ${processes.finalAt} >= ${start.toISOString()}::timestamptz and ${processes.finalAt} < ${end.toISOString()}::timestamptz
        and ${narrowedBy(filters)}
      group by 1
    ) g order by g.d`);
}

/**
 * Final → the review's final decision (confirmed, with four eyes), by the day of the decision. Decisions
 * are taken only on a status a person reviews, and a final status never changes: saying so lets each
 * decision's process be read from processes_review_work_idx alone.
 */
export function reviewTurnaround(db: Db, filters: OverviewFilters): Promise<TurnaroundRow[]> {
  const { start, end } = rangeOf(filters);
  const decidedAt = sql`coalesce(d.confirmed_at, d.decided_at)`;
  const took = seconds(decidedAt, processes.finalAt);
  return run(db, sql`select ${isoDay(sql`g.d`)} as day, g.n, g.p[1] as p50, g.p[2] as p95 from (
      select ${dateIn(decidedAt, filters.tz)} as d, count(*)::int as n, ${medianAnd95(took)} as p
      from ${reviewDecisions} d join ${processes} on ${processes.processId} = d.process_id
      where d.state = 'final' and ${decidedAt} >= ${start.toISOString()}::timestamptz and ${decidedAt} < ${end.toISOString()}::timestamptz
        and ${processes.status} in ${REVIEWABLE} and ${processes.finalAt} is not null and ${narrowedBy(filters)}
      group by 1
    ) g order by g.d`);
}

export const BACKLOG_BUCKETS = [
  { key: "0-1d", label: "0–1 d", fromDays: 0, toDays: 1 },
  { key: "1-3d", label: "1–3 d", fromDays: 1, toDays: 3 },
  { key: "3-7d", label: "3–7 d", fromDays: 3, toDays: 7 },
  { key: "7d+", label: "> 7 d", fromDays: 7, toDays: null },
] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number]["key"];

/**
 * Open review work now, by how long it has waited since it became final: a status a person reviews and
 * no final decision (the queue's "open review work"). Not limited by the range: a backlog is today's.
 * An index-only scan of processes_review_work_idx (its predicate is REVIEWABLE's list), less the decided.
 */
export async function reviewBacklog(db: Db, filters: OverviewFilters, now: Date = new Date()): Promise<{ bucket: BacklogBucket; n: number }[]> {
  const age = sql`(${now.toISOString()}::timestamptz - coalesce(${processes.finalAt}, ${processes.updatedAt}))`;
  const rows = await run<{ bucket: BacklogBucket; n: number }>(db, sql`select case
        when ${age} < interval '1 day' then '0-1d' when ${age} < interval '3 days' then '1-3d'
        when ${age} < interval '7 days' then '3-7d' else '7d+' end as bucket, count(*)::int as n
    from ${processes}
    where ${processes.status} in ${REVIEWABLE} and ${narrowedBy(filters)}
      and not exists (select 1 from ${reviewDecisions} where ${reviewDecisions.processId} = ${processes.processId} and ${reviewDecisions.state} = 'final')
    group by 1`);
  return BACKLOG_BUCKETS.map((b) => ({ bucket: b.key, n: rows.find((r) => r.bucket === b.key)?.n ?? 0 }));
}

export interface RetryRow {
  /** How the retry ended: the new process's status, or the retry's own state when it made none that started. */
  outcome: string;
  n: number;
}

/** Retries asked for in the range, of processes the filters select, by how they ended. */
export function retryOutcomes(db: Db, filters: OverviewFilters): Promise<RetryRow[]> {
  const { start, end } = rangeOf(filters);
  return run(db, sql`select coalesce(n.status::text, 'retry ' || r.state::text) as outcome, count(*)::int as n
    from ${processRetries} r
    join ${processes} on ${processes.processId} = r.original_process_id
    left join ${processes} n on n.process_id = r.new_process_id
    where r.requested_at >= ${start.toISOString()}::timestamptz and r.requested_at < ${end.toISOString()}::timestamptz
      and ${narrowedBy(filters)}
    group by 1 order by 2 desc, 1`);
}

export interface IntakeHourRow {
  hour: string;
  received: number;
  failed: number;
  dead: number;
  /** Notification → stored status, seconds. */
  p50: number | null;
  p95: number | null;
}

/**
 * Notifications per hour of arrival: how many, how many are failing or dead-lettered, and how fast statuses
 * were stored. Hours are the zone's clock hours: the night the clocks go back, its repeated hour is one row.
 */
export function intakeHealth(db: Db, filters: OverviewFilters): Promise<IntakeHourRow[]> {
  const { start, end } = rangeOf(filters);
  const took = seconds(webhookInbox.statusStoredAt, webhookInbox.receivedAt);
  return run(db, sql`select to_char(g.h, 'YYYY-MM-DD"T"HH24:00') as hour, g.received, g.failed, g.dead, g.p[1] as p50, g.p[2] as p95 from (
      select date_trunc('hour', ${webhookInbox.receivedAt} at time zone ${filters.tz}) as h,
        count(*)::int as received,
        count(*) filter (where ${webhookInbox.state} = 'failed')::int as failed,
        count(*) filter (where ${webhookInbox.state} = 'dead')::int as dead,
        ${medianAnd95(took)} as p
      from ${webhookInbox}
      where ${webhookInbox.receivedAt} >= ${start.toISOString()}::timestamptz and ${webhookInbox.receivedAt} < ${end.toISOString()}::timestamptz
      group by 1
    ) g order by g.h`);
}
