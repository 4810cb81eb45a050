import "server-only";
import type { Db } from "../../db/client";
import { FINAL_STATUSES, PROCESS_STATUSES } from "../assure/schemas";
import { REVIEWABLE_STATUSES } from "../reviews/review-decisions";
import type { ChartRow, OverviewChart, OverviewChartId } from "./overview-chart-types";
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

/** Each chart of the overview from its query: rows, the queue link of each row, and the words around it. */

const minutes = (s: number | null) => (s == null ? null : Math.round((s / 60) * 10) / 10);
const hours = (s: number | null) => (s == null ? null : Math.round((s / 3600) * 10) / 10);
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const range = (f: OverviewFilters) => `${f.from} to ${f.to}`;
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
    title: "Verifications per day by status",
    description: `Processes created each day (UTC), ${range(f)}, by their status now.`,
    kind: "stacked-bar",
    category: { key: "day", label: "Day" },
    series: present.map((s) => ({ key: s, label: s })),
    extra: [],
    rows,
    empty: "No process was created in this range.",
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
    title: "Share failed, rejected, inconclusive",
    description: `Of the ${total.toLocaleString("en")} processes created ${range(f)}, the share in each unsuccessful status (%).`,
    kind: "bar",
    category: { key: "status", label: "Status" },
    series: [{ key: "share", label: "Share (%)" }],
    extra: [{ key: "processes", label: "Processes" }],
    rows,
    empty: "No process was created in this range.",
  };
}

async function failReasonChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await failReasons(db, f);
  return {
    id: "fail-reasons",
    title: "Why processes failed",
    description: `Failed processes created ${range(f)}, by Assure's failReason type.`,
    kind: "bar",
    category: { key: "reason", label: "failReason type" },
    series: [{ key: "processes", label: "Processes" }],
    extra: [],
    rows: data.map((r) => ({
      values: { reason: r.reason ?? "(none given)", processes: r.n },
      href: queueHref(f, { status: ["failed"], reason: r.reason, dates: "created", from: f.from, to: f.to }),
    })),
    empty: "No failed process was created in this range.",
  };
}

async function findingsChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await flaggedFindings(db, f);
  return {
    id: "flagged-findings",
    title: "Onfido checks that flag most",
    description: `Breakdowns and sub-breakdowns Onfido marked consider, in processes created ${range(f)} with a stored result, with the reasons it gave.`,
    kind: "bar",
    category: { key: "finding", label: "Breakdown" },
    series: [{ key: "processes", label: "Processes" }],
    extra: [{ key: "reasons", label: "Reasons (processes)" }],
    rows: data.map((r) => ({
      values: { finding: r.path, processes: r.n, reasons: r.reasons.map((x) => `${x.key} (${x.n})`).join(", ") || null },
      href: queueHref(f, { finding: r.path, dates: "created", from: f.from, to: f.to }),
    })),
    empty: "No finding was flagged in processes created in this range (or their results are not stored yet).",
  };
}

async function finalTurnaroundChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await finalTurnaround(db, f);
  return {
    id: "final-turnaround",
    title: "Created → final",
    description: `Minutes from creation to a final status, by the day (UTC) processes became final, ${range(f)}.`,
    kind: "line",
    category: { key: "day", label: "Day" },
    series: [
      { key: "p50", label: "p50 (min)" },
      { key: "p95", label: "p95 (min)" },
    ],
    extra: [{ key: "processes", label: "Processes" }],
    rows: data.map((r) => ({
      values: { day: r.day, p50: minutes(r.p50), p95: minutes(r.p95), processes: r.n },
      // A final process's last update is the one that made it final, unless Assure changed it since.
      href: queueHref(f, { status: FINAL_STATUSES, dates: "updated", from: r.day, to: r.day }),
    })),
    empty: "No process became final in this range.",
  };
}

async function reviewTurnaroundChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await reviewTurnaround(db, f);
  return {
    id: "review-turnaround",
    title: "Final → review decision",
    description: `Hours from a final status to the review's final decision, by the day (UTC) of the decision, ${range(f)}.`,
    kind: "line",
    category: { key: "day", label: "Day" },
    series: [
      { key: "p50", label: "p50 (h)" },
      { key: "p95", label: "p95 (h)" },
    ],
    extra: [{ key: "decisions", label: "Decisions" }],
    rows: data.map((r) => ({
      values: { day: r.day, p50: hours(r.p50), p95: hours(r.p95), decisions: r.n },
      href: queueHref(f, { status: REVIEWABLE_STATUSES, dates: "updated", to: r.day }),
    })),
    empty: "No review was decided in this range.",
  };
}

async function backlogChart(db: Db, f: OverviewFilters, now: Date): Promise<OverviewChart> {
  const data = await reviewBacklog(db, f, now);
  const today = now.toISOString().slice(0, 10);
  const total = data.reduce((sum, r) => sum + r.n, 0);
  return {
    id: "review-backlog",
    title: "Open review backlog by age",
    description: "Inconclusive and rejected processes without a final decision now, by time since they became final (whatever the range).",
    kind: "bar",
    category: { key: "age", label: "Waiting" },
    series: [{ key: "processes", label: "Processes" }],
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
    empty: "No review is open.",
  };
}

async function retriesChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await retryOutcomes(db, f);
  return {
    id: "retries",
    title: "Retries and how they ended",
    description: `Retries asked for ${range(f)}, by the status of the process each made (or the retry's own state when none started).`,
    kind: "bar",
    category: { key: "outcome", label: "Outcome" },
    series: [{ key: "retries", label: "Retries" }],
    extra: [],
    rows: data.map((r) => ({
      values: { outcome: r.outcome, retries: r.n },
      href: queueHref(f, { status: r.outcome.startsWith("retry ") ? ["failed"] : [r.outcome], dates: "created", from: f.from, to: f.to }),
    })),
    empty: "No retry was asked for in this range.",
  };
}

async function intakeChart(db: Db, f: OverviewFilters): Promise<OverviewChart> {
  const data = await intakeHealth(db, f);
  return {
    id: "intake",
    title: "Intake health",
    description: `Notifications per hour (UTC) of arrival, ${range(f)}: received, failing, dead-lettered, and seconds to the stored status. All processes (notifications carry no type); done rows older than INBOX_RETENTION_DAYS are pruned.`,
    kind: "line",
    category: { key: "hour", label: "Hour" },
    series: [
      { key: "received", label: "Received" },
      { key: "failed", label: "Failing" },
      { key: "dead", label: "Dead-lettered" },
    ],
    extra: [
      { key: "p50", label: "To status p50 (s)" },
      { key: "p95", label: "To status p95 (s)" },
    ],
    rows: data.map((r) => {
      const day = r.hour.slice(0, 10);
      const round = (s: number | null) => (s == null ? null : Math.round(s * 10) / 10);
      return {
        values: { hour: r.hour, received: r.received, failed: r.failed, dead: r.dead, p50: round(r.p50), p95: round(r.p95) },
        href: queueHref({ type: null, doc: null, country: null }, { dates: "updated", from: day, to: day }),
      };
    }),
    empty: "No notification arrived in this range.",
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
