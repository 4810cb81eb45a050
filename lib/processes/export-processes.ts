import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { processes } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { InvalidInput } from "../errors";
import { nextSizeHint } from "../exports/csv-bytes";
import { startListExport, type CsvExport, type ExportOptions } from "../exports/list-export";
import { readKeyset } from "../pagination/keyset-batches";
import { parseInput } from "../parse-input";
import { assignmentCondition, type QueueViewer } from "./assignment-filter";
import { exportStatement, isoMilliseconds, readExportChunk, type ExportRow } from "./export-rows";
import { processSortTime } from "./list-processes";
import { requireLookup } from "./process-filters";
import { PROCESS_SORTS, ProcessFilters, type ProcessSort } from "./process-list-query";

const WHAT = "This view of the queue cannot be exported";

/** The queue's view without its page: the same filters and sort; a page size or cursor is not read. */
const ExportSort = z.object({ sort: z.enum(PROCESS_SORTS).default("updated.desc") });

/** The columns of the queue, and the review state it shows; never the raw JSON Assure sent. */
export const PROCESS_EXPORT_COLUMNS = [
  "process_id",
  "dossier_id",
  "status",
  "process_type",
  "document_type",
  "first_name",
  "last_name",
  "document_number",
  "date_of_birth",
  "issuing_country",
  "decision",
  "decision_state",
  "assignee",
  "retry_of_process_id",
  "created_at",
  "updated_at",
] as const;

function processCells(row: ExportRow) {
  return [
    row.process_id,
    row.dossier_id,
    row.status,
    row.process_type,
    row.document_type,
    row.first_name,
    row.last_name,
    row.document_number,
    row.date_of_birth,
    row.issuing_country,
    row.decision,
    row.decision_state,
    row.assignee,
    row.retry_of_process_id,
    isoMilliseconds(row.created_at),
    isoMilliseconds(row.updated_at),
  ];
}

/** What the page would refuse, refused before the file starts, naming the URL parameter. */
function requireExportableView(filters: ProcessFilters, viewer: QueueViewer): void {
  const named = (parameter: string, check: () => unknown) => {
    try {
      check();
    } catch (error) {
      if (error instanceof InvalidInput) throw new InvalidInput(WHAT, [`${parameter}: ${error.message}`]);
      throw error;
    }
  };
  named("q", () => requireLookup(filters));
  if (filters.assigned) named("assigned", () => assignmentCondition(filters.assigned!, viewer));
}

/**
 * Every row of the view, a keyset batch at a time in the page's order, with the review state of each,
 * written as CSV as it is read. The next batch is read while this one is sent: lib/exports/csv-stream.ts
 * reads one ahead.
 */
function processChunks(db: Db, filters: ProcessFilters, viewer: QueueViewer, sort: ProcessSort, shouldStop: () => boolean, batchSize?: number) {
  const time = processSortTime(sort);
  const byCreated = time === processes.createdAt;
  const positionOf = (row: ExportRow) => ({ at: byCreated ? row.created_at : row.updated_at, id: row.process_id });
  let sizeHint: number | undefined;
  return readKeyset(
    { time, id: processes.processId, sort, shouldStop, batchSize },
    async (read) => {
      const chunk = await readExportChunk(db, exportStatement(db, filters, viewer, read), processCells, positionOf, sizeHint);
      sizeHint = nextSizeHint(chunk.bytes);
      return chunk;
    },
    (chunk) => chunk,
  );
}

/**
 * The queue's view (`{ filters, sort }`, as the page reads its URL) as a CSV file: every row the view holds,
 * not one page, under the same `where` as the page (process-filters.ts). Streamed, audited at its start
 * and its end (lib/exports/list-export.ts).
 */
export async function exportProcesses(ctx: Ctx, input: unknown, options: ExportOptions = {}): Promise<CsvExport> {
  const user = requireCapability(ctx, "lists.export");
  const viewer: QueueViewer = { userId: user.id, role: user.role };
  const filters = parseInput(ProcessFilters, (input as { filters?: unknown } | null)?.filters ?? {}, WHAT);
  const { sort } = parseInput(ExportSort, input ?? {}, WHAT);
  requireExportableView(filters, viewer);
  return startListExport(ctx, {
    list: "processes",
    filters,
    sort,
    columns: PROCESS_EXPORT_COLUMNS,
    chunks: (shouldStop) => processChunks(ctx.db, filters, viewer, sort, shouldStop, options.batchSize),
    signal: options.signal,
  });
}
