import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import { actorOf } from "../auth/context";
import { recordAudit } from "../audit/record-audit";
import { csvFileName } from "./csv-format";
import { csvStream, type CsvExportEnd, type CsvRows } from "./csv-stream";

/** A list as a CSV download: what the route handler answers with. */
export interface CsvExport {
  fileName: string;
  body: ReadableStream<Uint8Array>;
}

/**
 * The filters of an exported view as the audit log keeps them: every filter that was used, with its value,
 * except the look-up box's text, which may be a person's name, document number or date of birth: it is
 * recorded as `"present"` (with how it was read, `by`). Unset filters are left out.
 */
export function auditableFilters(filters: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    kept[key] = key === "q" ? "present" : value;
  }
  if ("q" in kept) kept.by ??= "auto";
  else delete kept.by;
  return kept;
}

export interface ExportOptions {
  /** The request's signal: a client that disconnects stops the reading. */
  signal?: AbortSignal;
  /** Rows per keyset batch (lib/pagination/keyset-batches.ts's EXPORT_BATCH_SIZE unless set). */
  batchSize?: number;
}

/** A list's export: its rows as batches with their cells, or as CSV chunks (CsvRows), and what the audit keeps. */
export type ListExportSpec<T> = CsvRows<T> & {
  /** `processes` or `dossiers`: the file's name and the audit action (`processes.export`). */
  list: string;
  filters: Record<string, unknown>;
  sort: string;
  columns: readonly string[];
  signal?: AbortSignal;
};

/**
 * Starts an export: audited before the first byte leaves (`<list>.export_start`, so that even a crash
 * mid-file leaves a trace), and again when it ends (`<list>.export`, with the row count and whether it
 * completed, was aborted by the client or failed). Both rows share the export's id as their target.
 */
export async function startListExport<T>(ctx: Ctx, spec: ListExportSpec<T>): Promise<CsvExport> {
  const exportId = randomUUID();
  const details = { filters: auditableFilters(spec.filters), sort: spec.sort };
  await recordAudit(ctx.db, actorOf(ctx), { action: `${spec.list}.export_start`, target: exportId, details });
  const onEnd = ({ rows, outcome }: CsvExportEnd) =>
    recordAudit(ctx.db, actorOf(ctx), { action: `${spec.list}.export`, target: exportId, details: { ...details, rows, outcome } });
  return {
    fileName: csvFileName(spec.list),
    body: csvStream<T>({ ...spec, onEnd }),
  };
}
