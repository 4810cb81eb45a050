import type { Db } from "../../db/client";
import { UnreadableResultError } from "./result-errors";
import { readResultFile, sha256Of } from "./result-files";
import type { ResultStorage } from "./result-store-settings";
import { countResultsNotIn, listResultsNotIn, resultStore, writeResult } from "./result-store";

/**
 * `npm run results:move`: moves stored zips to one store, in batches of rows. Each zip is read, checked
 * against its recorded sha256, written to the target (a file is read back and checked again) and its row
 * switched in one transaction; the old file goes once no row needs it. A row is either moved or not, so the
 * move can be stopped and run again: it picks up the rows still elsewhere. A damaged zip is left where it
 * is and named at the end.
 */

export interface MoveOptions {
  to: ResultStorage;
  dir: string;
  batchSize?: number;
  onProgress?: (progress: MoveProgress) => void;
}

export interface MoveProgress {
  /** Rows elsewhere when the move started. */
  total: number;
  moved: number;
  movedBytes: number;
  /** Replaced or deleted while being moved: left to the next run (or already where they belong). */
  changed: number;
  damaged: { processId: string; message: string }[];
}

export async function moveResults(db: Db, options: MoveOptions): Promise<MoveProgress> {
  const batchSize = options.batchSize ?? 100;
  const target = { kind: options.to, dir: options.dir };
  const source = resultStore(db, target);
  const progress: MoveProgress = { total: await countResultsNotIn(db, options.to), moved: 0, movedBytes: 0, changed: 0, damaged: [] };
  let after = "";
  for (;;) {
    const batch = await listResultsNotIn(db, options.to, after, batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      try {
        const bytes = await source.get(row.processId);
        if (!bytes) {
          progress.changed++;
          continue;
        }
        // The file store checks on read; bytes from PostgreSQL are checked here, before they are copied.
        if (sha256Of(bytes) !== row.sha256) {
          throw new UnreadableResultError("damaged", "The stored zip no longer matches its recorded sha256.");
        }
        const moved = await writeResult(db, target, row.processId, bytes, { ifSha256: row.sha256, keepStoredAt: true });
        if (!moved) {
          progress.changed++;
          continue;
        }
        if (options.to === "filesystem") await readResultFile(options.dir, moved.sha256, moved.sizeBytes);
        progress.moved++;
        progress.movedBytes += row.sizeBytes;
      } catch (error) {
        if (!(error instanceof UnreadableResultError && error.reason === "damaged")) throw error;
        progress.damaged.push({ processId: row.processId, message: error.message });
      }
    }
    after = batch.at(-1)!.processId;
    options.onProgress?.({ ...progress, damaged: [...progress.damaged] });
  }
  return progress;
}
