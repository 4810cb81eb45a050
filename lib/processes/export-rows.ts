import "server-only";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { forEachRow } from "../../db/for-each-row";
import { processAssignments, processes, reviewDecisions, staffUsers } from "../../db/schema";
import { CsvWriter, type CsvChunk } from "../exports/csv-bytes";
import type { CsvValue } from "../exports/csv-format";
import { exactTimestamp, type CursorPosition, type KeysetRead } from "../pagination/scoped-cursor";
import type { QueueViewer } from "./assignment-filter";
import { PROCESS_ROW_COLUMNS } from "./list-processes";
import { processWhere } from "./process-filters";
import type { ProcessFilters } from "./process-list-query";

/**
 * One row of the queue's export as the driver reads it (no drizzle row mapper): text only. The timestamps
 * are exact (`YYYY-MM-DDThh:mm:ss.ffffffZ`, as `exactTimestamp` selects them), so that the keyset position
 * is one of them and no `Date` is made per cell.
 */
export interface ExportRow {
  process_id: string;
  dossier_id: string;
  status: string;
  process_type: string | null;
  document_type: string | null;
  first_name: string | null;
  last_name: string | null;
  document_number: string | null;
  date_of_birth: string | null;
  issuing_country: string | null;
  retry_of_process_id: string | null;
  assignee: string | null;
  decision: string | null;
  decision_state: string | null;
  created_at: string;
  updated_at: string;
}

// Aliases, so that the view's own subqueries on these tables (assignment-filter.ts) keep their meaning.
const assignment = alias(processAssignments, "export_assignment");
const assignee = alias(staffUsers, "export_assignee");
const decision = alias(reviewDecisions, "export_decision");

/**
 * A batch of the export in one statement: the view's rows (process-filters.ts's `where`, the keyset's) with
 * who works on each and the decision in force, joined on their keys (the assignment's primary key, the
 * unique index of the decision that is not withdrawn), so each row gains at most one of each.
 */
export function exportStatement(db: Db, filters: ProcessFilters, viewer: QueueViewer, { where, orderBy, limit }: KeysetRead): SQL {
  return db
    .select({
      ...PROCESS_ROW_COLUMNS,
      // Text on both engines (PGlite's own reading of a date is a Date).
      dateOfBirth: sql<string | null>`${processes.dateOfBirth}::text`.as("date_of_birth"),
      assignee: sql<string | null>`${assignee.name}`.as("assignee"),
      decision: decision.decision,
      // Not withdrawn: `final` or `awaiting_confirmation`, the two states the queue shows.
      decisionState: sql<string | null>`${decision.state}`.as("decision_state"),
      createdAt: exactTimestamp(processes.createdAt).as("created_at"),
      updatedAt: exactTimestamp(processes.updatedAt).as("updated_at"),
    })
    .from(processes)
    .leftJoin(assignment, eq(assignment.processId, processes.processId))
    .leftJoin(assignee, eq(assignee.id, assignment.assigneeId))
    .leftJoin(decision, and(eq(decision.processId, processes.processId), ne(decision.state, "withdrawn")))
    .where(and(processWhere(filters, viewer), where))
    .orderBy(...orderBy)
    .limit(limit)
    .getSQL();
}

/** A batch written as CSV, and the keyset position of its last row (null when it held none). */
export interface ExportChunk extends CsvChunk {
  last: CursorPosition | null;
}

/**
 * A batch of the export, each row written as CSV the moment it arrives (forEachRow) and then dropped: held
 * until the batch's last row, a million rows' strings were promoted to V8's old generation, which grew by
 * ~150 MB between its full collections. `positionOf` is the sort's keyset position of a row.
 */
export async function readExportChunk(
  db: Db,
  statement: SQL,
  cells: (row: ExportRow) => readonly CsvValue[],
  positionOf: (row: ExportRow) => CursorPosition,
  sizeHint?: number,
): Promise<ExportChunk> {
  const writer = new CsvWriter(sizeHint);
  let last: ExportRow | null = null;
  await forEachRow<ExportRow>(db, statement, (row) => {
    writer.row(cells(row));
    last = row;
  });
  return { ...writer.chunk(), last: last ? positionOf(last) : null };
}

/**
 * An exact timestamp as `Date.prototype.toISOString` writes it (what the export wrote when it read `Date`s):
 * milliseconds, the microseconds cut off as a `Date` cuts them, without making one.
 */
export function isoMilliseconds(exact: string): string {
  return `${exact.slice(0, 23)}Z`;
}
