import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { dossiers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { InvalidInput } from "../errors";
import { startListExport, type CsvExport, type ExportOptions } from "../exports/list-export";
import { readKeysetBatches } from "../pagination/keyset-batches";
import { parseInput } from "../parse-input";
import { requireLookup } from "../processes/process-filters";
import { DOSSIER_SORTS, DossierFilters, type DossierSort } from "./dossier-list-query";
import { dossierSortTime, readDossierRows, withDescriptions, type DossierListItem } from "./list-dossiers";

const WHAT = "This view of the dossiers cannot be exported";

/** The dossier list's view without its page: the same filters and sort; a page size or cursor is not read. */
const ExportSort = z.object({ sort: z.enum(DOSSIER_SORTS).default("activity.desc") });

/** The columns of the dossier list. */
export const DOSSIER_EXPORT_COLUMNS = [
  "dossier_id",
  "first_name",
  "last_name",
  "latest_status",
  "process_count",
  "first_seen_at",
  "last_activity_at",
  "gone_at",
] as const;

function dossierCells(row: DossierListItem) {
  return [row.dossierId, row.firstName, row.lastName, row.latestStatus, row.processCount, row.firstSeenAt, row.lastActivityAt, row.goneAt];
}

async function* dossierBatches(db: Db, filters: DossierFilters, sort: DossierSort, shouldStop: () => boolean, batchSize?: number) {
  const time = dossierSortTime(sort);
  const batches = readKeysetBatches(
    { time, id: dossiers.dossierId, sort, shouldStop, batchSize },
    (read) => readDossierRows(db, filters, time, read),
    (row) => ({ at: row.position, id: row.dossierId }),
  );
  // The next batch is read and described while this one is written out (lib/exports/csv-stream.ts reads one ahead).
  for await (const rows of batches) yield await withDescriptions(db, rows);
}

/**
 * The dossier list's view (`{ filters, sort }`) as a CSV file: every dossier in view under the same `where`
 * as the page (dossierWhere), streamed, audited at its start and its end (lib/exports/list-export.ts).
 */
export async function exportDossiers(ctx: Ctx, input: unknown, options: ExportOptions = {}): Promise<CsvExport> {
  requireCapability(ctx, "lists.export");
  const filters = parseInput(DossierFilters, (input as { filters?: unknown } | null)?.filters ?? {}, WHAT);
  const { sort } = parseInput(ExportSort, input ?? {}, WHAT);
  try {
    requireLookup(filters);
  } catch (error) {
    if (error instanceof InvalidInput) throw new InvalidInput(WHAT, [`q: ${error.message}`]);
    throw error;
  }
  return startListExport(ctx, {
    list: "dossiers",
    filters,
    sort,
    columns: DOSSIER_EXPORT_COLUMNS,
    cells: dossierCells,
    batches: (shouldStop) => dossierBatches(ctx.db, filters, sort, shouldStop, options.batchSize),
    signal: options.signal,
  });
}
