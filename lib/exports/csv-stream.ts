import { createLogger } from "../log/logger";
import { readAhead } from "../pagination/read-ahead";
import { csvBytes, nextSizeHint, type CsvChunk } from "./csv-bytes";
import { CSV_BOM, csvLine, type CsvValue } from "./csv-format";

const log = createLogger("export");

/** How an export ended: every row sent, the client gone (or the request aborted), or a failure. */
export type CsvExportOutcome = "complete" | "aborted" | "failed";

export interface CsvExportEnd {
  /** Rows handed to the response (an aborted download may have received fewer). */
  rows: number;
  outcome: CsvExportOutcome;
}

/**
 * What a file holds: batches of rows and each row's cells, or batches already written as CSV (a reader
 * that writes each row as it arrives: lib/processes/export-rows.ts). `shouldStop` turns true once the
 * download is abandoned.
 */
export type CsvRows<T> =
  | { batches: (shouldStop: () => boolean) => AsyncIterator<T[]>; cells: (row: T) => readonly CsvValue[] }
  | { chunks: (shouldStop: () => boolean) => AsyncIterator<CsvChunk> };

export type CsvStreamOptions<T> = CsvRows<T> & {
  columns: readonly string[];
  /** The request's signal: a client that disconnects stops the reading before its next batch. */
  signal?: AbortSignal;
  /** Called once, however the export ends (the audit of its row count). */
  onEnd: (end: CsvExportEnd) => Promise<void>;
};

/** Each batch as bytes as soon as it is read, so that its rows (thousands of small strings) die young. */
async function* csvChunks<T>(batches: AsyncIterator<T[]>, cells: (row: T) => readonly CsvValue[]): AsyncGenerator<CsvChunk> {
  let sizeHint: number | undefined;
  for await (const rows of { [Symbol.asyncIterator]: () => batches }) {
    const bytes = csvBytes(rows, cells, sizeHint);
    sizeHint = nextSizeHint(bytes);
    yield { bytes, rows: rows.length };
  }
}

/**
 * A CSV file as a pull-based stream. The file starts with the UTF-8 byte order mark and the column names.
 * While the response takes one batch the next is read and turned into bytes (readAhead), and no further:
 * memory holds about two batches whatever the list's size. A failure mid-file errors the stream, so the
 * download fails visibly instead of ending as a shorter file that looks whole.
 */
export function csvStream<T>(options: CsvStreamOptions<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stopped = false;
  let rows = 0;
  let ended: Promise<void> | null = null;
  const shouldStop = () => stopped || options.signal?.aborted === true;
  const source = "chunks" in options ? options.chunks(shouldStop) : csvChunks(options.batches(shouldStop), options.cells);
  const batches = readAhead(source);
  const end = (outcome: CsvExportOutcome) => {
    ended ??= options.onEnd({ rows, outcome }).catch((error: unknown) => log.error("export end not recorded", { error, rows, outcome }));
    return ended;
  };
  const stop = async () => {
    stopped = true;
    await batches.return(undefined);
    await end("aborted");
  };
  const onAbort = () => void stop();
  options.signal?.addEventListener("abort", onAbort, { once: true });

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(options.columns)));
    },
    async pull(controller) {
      try {
        if (stopped || options.signal?.aborted) {
          await stop();
          controller.error(new Error("export aborted"));
          return;
        }
        const next = await batches.next();
        if (stopped) {
          controller.error(new Error("export aborted"));
          return;
        }
        if (next.done) {
          options.signal?.removeEventListener("abort", onAbort);
          await end("complete");
          controller.close();
          return;
        }
        controller.enqueue(next.value.bytes);
        rows += next.value.rows;
      } catch (error) {
        if (stopped) {
          controller.error(error);
          return;
        }
        stopped = true;
        options.signal?.removeEventListener("abort", onAbort);
        log.error("export failed", { error, rows });
        await end("failed");
        controller.error(error);
      }
    },
    async cancel() {
      options.signal?.removeEventListener("abort", onAbort);
      await stop();
    },
  });
}
