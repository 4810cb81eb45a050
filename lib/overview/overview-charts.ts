import "server-only";
import type { Db } from "../../db/client";
import { FINAL_STATUSES, PROCESS_STATUSES } from "../assure/schemas";
import { REVIEWABLE_STATUSES } from "../reviews/review-decisions";
import { dayIn } from "../lists/zoned-day";
import type { ChartColumn, ChartColumnName, ChartRow, ColumnKind, OverviewChart, OverviewChartId } from "./overview-chart-types";
import { addDays, type OverviewFilters } from "./overview-filters";
import { queueHref } from "./overview-links";
import {
  BACKLOG_BUCKETS,
  failReasons,
  finalTurnaround,
  flaggedFindings,
  intakeHealth,
  retryOutcomes,
  reviewBacklog,
  reviewTurnaround,
  statusPerDay,
} from "./overview-queries";

/**
 * Each chart of the overview from its query: rows, the queue link of each row, and its columns (their CSV
 * headers in English, their names on the page as message keys). The words around a chart are the page's.
 */

const minutes = (s: number | null) => (s == null ? null : Math.round((s / 60) * 10) / 10);
const hours = (s: number | null) => (s == null ? null : Math.round((s / 3600) * 10) / 10);
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const range = (f: OverviewFilters) => ({ from: f.from, to: f.to });
const column = (key: string, label: string, name: ChartColumnName | null, kind: ColumnKind): ChartColumn => ({ key, label, name, kind });
const UNSUCCESSFUL = ["failed", "rejected", "inconclusive"] as const;

type StatusDays = Awaited<ReturnType<typeof statusPerDay>>;

async function statusChart(db: Db, f: OverviewFilters, known?: StatusDays): Promise<OverviewChart> {
  const data = known ?? (await statusPerDay(db, f));
  const days = [...new Set(data.map((r) => r.day))];
  const present = PROCESS_STATUSES.filter((s) => data.some((r) => r.status === s));
  const rows: ChartRow[] = days.map((day) => {
    const values: Record<string, number | string> = { day };
    for (const s of present) values[s] = data.find((r) => r.day === day && r.status === s)?.n ?? 0;
    return { values, href: queueHref(f, { dates: "created", from: day, to: day }) };
  });
  return {
    id: "status-per-day",
    about: range(f),
    kind: "stacked-bar",
    category: column("day", "Day", "day", "day"),
    // Assure's statuses name their own columns.
    series: present.map((s) => column(s, s, null, "count")),
    extra: [],
    rows,
  };
}

async function shareChart(db: Db, f: OverviewFilters, known?: StatusDays): Promise<OverviewChart> {
  const data = known ?? (await statusPerDay(db, f));
  const total = data.reduce((sum, r) => sum + r.n, 0);
  const rows: ChartRow[] =
    total === 0
      ? []
      : UNSUCCESSFUL.map((status) => {
          const n = data.filter((r) => r.status === status).reduce((sum, r) => sum + r.n, 0);
          return { values: { status, processes: n, share: percent(n, total) }, href: queueHref(f, { status: [status], dates: "created", from: f.from, to: f.to }) };
        });
  return {
    id: "outcome-share",
    about: { ...range(f), total },
    kind: "bar",
    category: column("status", "Status", "status", "text"),
    series: [column("share", "Share (%)", "share", "percent")],
    extra: [column("processes", "Processes", "processes", "count")],
    rows,
  };
}

async function failReasonChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await failReasons(db, f);
  return {
    id: "fail-reasons",
    about: range(f),
    kind: "bar",
    category: column("reason", "failReason type", "failReason", "failReason"),
    series: [column("processes", "Processes", "processes", "count")],
    extra: [],
    rows: data.map((r) => ({
      values: { reason: r.reason, processes: r.n },
      href: queueHref(f, { status: ["failed"], reason: r.reason, dates: "created", from: f.from, to: f.to }),
    })),
  };
}

async function findingsChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await flaggedFindings(db, f);
  return {
    id: "flagged-findings",
    about: range(f),
    kind: "bar",
    category: column("finding", "Breakdown", "finding", "finding"),
    series: [column("processes", "Processes", "processes", "count")],
    extra: [column("reasons", "Reasons (processes)", "reasons", "text")],
    rows: data.map((r) => ({
      values: { finding: r.path, processes: r.n, reasons: r.reasons.map((x) => `${x.key} (${x.n})`).join(", ") || null },
      href: queueHref(f, { finding: r.path, dates: "created", from: f.from, to: f.to }),
    })),
  };
}

async function finalTurnaroundChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await finalTurnaround(db, f);
  return {
    id: "final-turnaround",
    about: range(f),
    kind: "line",
    category: column("day", "Day", "day", "day"),
    series: [column("p50", "p50 (min)", "p50Minutes", "decimal"), column("p95", "p95 (min)", "p95Minutes", "decimal")],
    extra: [column("processes", "Processes", "processes", "count")],
    rows: data.map((r) => ({
      values: { day: r.day, p50: minutes(r.p50), p95: minutes(r.p95), processes: r.n },
      // A final process's last update is the one that made it final, unless Assure changed it since.
      href: queueHref(f, { status: FINAL_STATUSES, dates: "updated", from: r.day, to: r.day }),
    })),
  };
}

async function reviewTurnaroundChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await reviewTurnaround(db, f);
  return {
    id: "review-turnaround",
    about: range(f),
    kind: "line",
    category: column("day", "Day", "day", "day"),
    series: [column("p50", "p50 (h)", "p50Hours", "decimal"), column("p95", "p95 (h)", "p95Hours", "decimal")],
    extra: [column("decisions", "Decisions", "decisions", "count")],
    rows: data.map((r) => ({
      values: { day: r.day, p50: hours(r.p50), p95: hours(r.p95), decisions: r.n },
      href: queueHref(f, { status: REVIEWABLE_STATUSES, dates: "updated", to: r.day }),
    })),
  };
}

async function backlogChart(db: Db, f: OverviewFilters, now: Date): Promise<OverviewChart> {
  const data = await reviewBacklog(db, f, now);
  const today = dayIn(now, f.tz);
  const total = data.reduce((sum, r) => sum + r.n, 0);
  return {
    id: "review-backlog",
    about: range(f),
    kind: "bar",
    category: column("age", "Waiting", "waiting", "text"),
    series: [column("processes", "Processes", "processes", "count")],
    extra: [],
    rows:
      total === 0
        ? []
        : data.map((r) => {
            const bucket = BACKLOG_BUCKETS.find((b) => b.key === r.bucket)!;
            // The queue's days are whole days: the link opens the days this age spans.
            const to = addDays(today, -bucket.fromDays);
            const from = bucket.toDays === null ? null : addDays(today, -bucket.toDays);
            return { values: { age: bucket.label, processes: r.n }, href: queueHref(f, { status: REVIEWABLE_STATUSES, dates: "updated", from, to }) };
          }),
  };
}

async function retriesChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await retryOutcomes(db, f);
  return {
    id: "retries",
    about: range(f),
    kind: "bar",
    category: column("outcome", "Outcome", "outcome", "text"),
    series: [column("retries", "Retries", "retries", "count")],
    extra: [],
    rows: data.map((r) => ({
      values: { outcome: r.outcome, retries: r.n },
      href: queueHref(f, { status: r.outcome.startsWith("retry ") ? ["failed"] : [r.outcome], dates: "created", from: f.from, to: f.to }),
    })),
  };
}

async function intakeChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await intakeHealth(db, f);
  return {
    id: "intake",
    about: range(f),
    kind: "line",
    category: column("hour", "Hour", "hour", "hour"),
    series: [column("received", "Received", "received", "count"), column("failed", "Failing", "failing", "count"), column("dead", "Dead-lettered", "deadLettered", "count")],
    extra: [column("p50", "To status p50 (s)", "p50Seconds", "decimal"), column("p95", "To status p95 (s)", "p95Seconds", "decimal")],
    rows: data.map((r) => {
      const day = r.hour.slice(0, 10);
      const round = (s: number | null) => (s == null ? null : Math.round(s * 10) / 10);
      return {
        values: { hour: r.hour, received: r.received, failed: r.failed, dead: r.dead, p50: round(r.p50), p95: round(r.p95) },
        href: queueHref({ type: null, doc: null, country: null }, { dates: "updated", from: day, to: day }),
      };
    }),
  };
}

export async function buildChart(db: Db, id: OverviewChartId, filters: OverviewFilters, now: Date = new Date()): Promise<OverviewChart> {
  switch (id) {
    case "status-per-day":
      return statusChart(db, filters);
    case "outcome-share":
      return shareChart(db, filters);
    case "fail-reasons":
      return failReasonChart(db, filters);
    case "flagged-findings":
      return findingsChart(db, filters);
    case "final-turnaround":
      return finalTurnaroundChart(db, filters);
    case "review-turnaround":
      return reviewTurnaroundChart(db, filters);
    case "review-backlog":
      return backlogChart(db, filters, now);
    case "retries":
      return retriesChart(db, filters);
    case "intake":
      return intakeChart(db, filters);
  }
}

/** Every chart, read concurrently; the two charts of the status counts share one query. */
export async function buildAllCharts(db: Db, filters: OverviewFilters, now: Date = new Date()): Promise<OverviewChart[]> {
  const statuses = statusPerDay(db, filters);
  return Promise.all([
    statuses.then((data) => statusChart(db, filters, data)),
    statuses.then((data) => shareChart(db, filters, data)),
    failReasonChart(db, filters),
    findingsChart(db, filters),
    finalTurnaroundChart(db, filters),
    reviewTurnaroundChart(db, filters),
    backlogChart(db, filters, now),
    retriesChart(db, filters),
    intakeChart(db, filters),
  ]);
}
