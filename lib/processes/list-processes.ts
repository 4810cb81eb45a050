import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { processAssignments, processes, reviewDecisions, staffUsers } from "../../db/schema";
import type { ProcessStatus } from "../assure/schemas";
import { anyOf } from "../../db/any-of";
import { linkedProcessIds } from "../identity/identity-links";
import { parseInput } from "../parse-input";
import {
  cursorScope,
  readKeysetPage,
  exactTimestamp,
  type KeysetPage,
  type KeysetRead,
} from "../pagination/scoped-cursor";
import type { QueueViewer } from "./assignment-filter";
import { processWhere } from "./process-filters";
import { ListProcessesInput, type ProcessFilters, type ProcessSort } from "./process-list-query";

export { ListProcessesInput } from "./process-list-query";
export type { QueueViewer } from "./assignment-filter";

export interface ProcessListItem {
  processId: string;
  dossierId: string;
  status: ProcessStatus;
  processType: string | null;
  documentType: string | null;
  firstName: string | null;
  lastName: string | null;
  documentNumber: string | null;
  dateOfBirth: string | null;
  issuingCountry: string | null;
  retryOfProcessId: string | null;
  /** The staff member working on it (process_assignments), or null. */
  assignee: string | null;
  /** The review decision in force (final, or awaiting a second officer), or null. */
  decision: QueueDecision | null;
  /** Linked to another dossier, or in a dossier of repeated attempts (the queue's mark). */
  linked: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface QueueDecision {
  decision: (typeof reviewDecisions.decision.enumValues)[number];
  state: "final" | "awaiting_confirmation";
}

export type ProcessPage = KeysetPage<ProcessListItem>;

/**
 * The cursor of a page is only valid for the same sort and filters (not the same page size). "My queue"
 * is a different list for each officer, so its view includes whose queue it is.
 */
export function processListScope(sort: ProcessSort, filters: ProcessFilters, viewer?: QueueViewer | null): string {
  const { q, by, status, type, doc, country, dates, from, to, assigned, linked } = filters;
  return cursorScope([
    "processes",
    sort,
    q ?? null,
    by ?? "auto",
    [...(status ?? [])].sort(),
    type ?? null,
    doc ?? null,
    country ?? null,
    dates ?? "updated",
    from ?? null,
    to ?? null,
    // Appended only when set, so that the cursors of views without it stay as they were.
    ...(assigned ? [assigned, assigned === "unassigned" ? null : (viewer?.userId ?? null)] : []),
    ...(linked ? ["linked"] : []),
    ...(filters.tz && filters.tz !== "UTC" ? [filters.tz] : []),
  ]);
}

/** The columns of a queue row that the page and the CSV export read as they are stored. */
export const PROCESS_ROW_COLUMNS = {
  processId: processes.processId,
  dossierId: processes.dossierId,
  status: processes.status,
  processType: processes.processType,
  documentType: processes.documentType,
  firstName: processes.firstName,
  lastName: processes.lastName,
  documentNumber: processes.documentNumber,
  issuingCountry: processes.issuingCountry,
  retryOfProcessId: processes.retryOfProcessId,
};

/**
 * The queue's rows for one keyset read: the view's `where` (process-filters.ts, the one definition the
 * page, its counts and the CSV export share) and the keyset's. Each row carries its exact `position`.
 */
export function readProcessRows(db: Db, filters: ProcessFilters, viewer: QueueViewer | null, time: ProcessTimeColumn, { where, orderBy, limit }: KeysetRead) {
  return db
    .select({
      ...PROCESS_ROW_COLUMNS,
      dateOfBirth: processes.dateOfBirth,
      createdAt: processes.createdAt,
      updatedAt: processes.updatedAt,
      position: exactTimestamp(time),
    })
    .from(processes)
    .where(and(processWhere(filters, viewer), where))
    .orderBy(...orderBy)
    .limit(limit);
}

type ProcessTimeColumn = typeof processes.createdAt | typeof processes.updatedAt;
export type ProcessRow = Omit<Awaited<ReturnType<typeof readProcessRows>>[number], "position">;

/** The timestamp a sort orders by (and a keyset position is taken on). */
export function processSortTime(sort: ProcessSort): ProcessTimeColumn {
  return sort.startsWith("created") ? processes.createdAt : processes.updatedAt;
}

/**
 * One page of the queue, filtered and sorted in SQL and read by keyset (no OFFSET): every page costs
 * the same however deep it is. The order is (time, process id) in the asked direction; the id breaks
 * ties so that rows sharing a timestamp are neither repeated nor skipped.
 */
export async function listProcesses(db: Db, input: ListProcessesInput = {}, viewer: QueueViewer | null = null): Promise<ProcessPage> {
  const { filters, sort, limit, cursor: rawCursor } = parseInput(ListProcessesInput, input, "This view of the queue is not valid");
  const scope = processListScope(sort, filters, viewer);
  const time = processSortTime(sort);
  const page = await readKeysetPage(
    { scope, cursor: rawCursor, time, id: processes.processId, sort, limit },
    (read) => readProcessRows(db, filters, viewer, time, read),
    (row) => row.processId,
  );
  return { ...page, items: await withReviewState(db, page.items) };
}

/** The rows with who works on each, the decision in force and whether it is linked: look-ups by the rows' ids. */
export async function withReviewState(db: Db, rows: ProcessRow[]): Promise<ProcessListItem[]> {
  const ids = rows.map((row) => row.processId);
  const [assignees, decisions, linkedIds] = await Promise.all([assigneesOf(db, ids), decisionsOf(db, ids), linkedProcessIds(db, rows)]);
  return rows.map((row) => ({
    ...row,
    assignee: assignees.get(row.processId) ?? null,
    decision: decisions.get(row.processId) ?? null,
    linked: linkedIds.has(row.processId),
  }));
}

/** Who works on each of a page's processes: primary-key look-ups for those rows only, never a join over the queue. */
async function assigneesOf(db: Db, processIds: string[]): Promise<Map<string, string>> {
  if (processIds.length === 0) return new Map();
  const rows = await db
    .select({ processId: processAssignments.processId, name: staffUsers.name })
    .from(processAssignments)
    .innerJoin(staffUsers, eq(staffUsers.id, processAssignments.assigneeId))
    .where(anyOf(processAssignments.processId, processIds));
  return new Map(rows.map((row) => [row.processId, row.name]));
}

/** The decision in force on each of a page's processes (at most one is not withdrawn), from the process index. */
async function decisionsOf(db: Db, processIds: string[]): Promise<Map<string, QueueDecision>> {
  if (processIds.length === 0) return new Map();
  const rows = await db
    .select({ processId: reviewDecisions.processId, decision: reviewDecisions.decision, state: reviewDecisions.state })
    .from(reviewDecisions)
    .where(and(anyOf(reviewDecisions.processId, processIds), ne(reviewDecisions.state, "withdrawn")));
  return new Map(rows.map(({ processId, decision, state }) => [processId, { decision, state: state === "final" ? "final" : "awaiting_confirmation" }]));
}
