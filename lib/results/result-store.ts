import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { anyOf } from "../../db/any-of";
import { canCopy, copyIn, copyOut } from "../../db/copy";
import { processes, processResults } from "../../db/schema";
import { byteaCopyInput, CopyBinaryError, readByteaCopy, sqlStringLiteral } from "./copy-binary";
import { UnreadableResultError } from "./result-errors";
import { readResultFile, removeResultFile, sha256Of, writeResultFile } from "./result-files";
import { configuredResultStore, type ResultStorage, type ResultStoreSettings } from "./result-store-settings";
import { deskEventNotify } from "../events/publish-event";

/**
 * Where full-result zips live. Signicat deletes its copy after a retention period, so ours is what keeps a
 * review readable. Each `process_results` row says where its bytes are (`storage`, `storage_key`): new zips
 * go to the configured store, reads follow the row, so a move between stores can stop and resume at any
 * row. Backends: `postgres` (the `content` column) and `filesystem` (result-files.ts); an object store would
 * be a third kind behind the same four calls (README, "Result store").
 */
export interface ResultStore {
  /** Null when the process is a tombstone (purged or erased): nothing is written, not even a file. */
  put(processId: string, zip: Uint8Array): Promise<PlacedResult | null>;
  /** The zip's bytes, checked against the recorded hash where the store cannot vouch for them itself. */
  get(processId: string): Promise<Uint8Array | null>;
  describe(processId: string): Promise<PlacedResult | null>;
  /** Removes the zip; its file goes too unless another process holds the same zip. */
  delete(processId: string): Promise<boolean>;
}

export interface StoredResult {
  processId: string;
  sizeBytes: number;
  sha256: string;
  storedAt: Date;
}

export interface PlacedResult extends StoredResult {
  storage: ResultStorage;
}

const described = {
  processId: processResults.processId,
  storage: processResults.storage,
  sizeBytes: processResults.sizeBytes,
  sha256: processResults.sha256,
  storedAt: processResults.storedAt,
};

function asStored(row: { storage: string } & StoredResult): PlacedResult {
  return { ...row, storage: row.storage as ResultStorage };
}

/**
 * Serialises everyone touching one file (writers of the same zip, a delete deciding whether the file is
 * still needed) across connections and desk instances. Taken in sorted order so two writers cannot deadlock.
 */
async function lockFiles(tx: Tx, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`result-file:${key}`}, 0))`);
  }
}

/** Unlinks a file no row refers to any more; the caller holds the file's lock. */
async function releaseFile(tx: Tx, dir: string, key: string): Promise<void> {
  const [other] = await tx
    .select({ processId: processResults.processId })
    .from(processResults)
    .where(and(eq(processResults.storage, "filesystem"), eq(processResults.storageKey, key)))
    .limit(1);
  if (!other) await removeResultFile(dir, key);
}

export interface WriteOptions {
  /** Only if the row still holds this zip (a move must not overwrite a zip replaced meanwhile). */
  ifSha256?: string;
  /** Keep the row's `stored_at` (a move changes where the zip is, not when it was stored). */
  keepStoredAt?: boolean;
}

/**
 * Smaller zips go as a parameter. Staging costs three statements more (create if missing, COPY, TRUNCATE),
 * and TRUNCATE gives the temporary table a new file each time: for the tens of kilobytes of a typical
 * result, at the webhook pump's rates, that is more work than the hex it saves (bench/pump.ts).
 */
const STAGE_FROM_BYTES = 1024 * 1024;

/**
 * On a PostgreSQL server a zip of a megabyte or more goes into the row through a COPY into a temporary table, its bytes as they
 * are. As a parameter, postgres.js sends a Buffer as hex text: a 40 MB string built in Node and copied
 * three more times into the message, that the server then decodes. For a 20 MB zip at load 4.5 the insert
 * with the parameter took 1.5–1.7 s, the COPY and an insert from the temporary table 0.6–0.9 s. The
 * temporary table lives as long as the connection; a rolled-back write leaves nothing in it, and the
 * writer empties it after use. False on PGlite (no COPY from a stream): the zip then goes as a parameter.
 */
async function stageZip(tx: Tx, zip: Uint8Array): Promise<boolean> {
  if (zip.byteLength < STAGE_FROM_BYTES || !canCopy(tx)) return false;
  await tx.execute(sql`CREATE TEMPORARY TABLE IF NOT EXISTS result_upload (content bytea)`);
  return copyIn(tx, "COPY result_upload (content) FROM STDIN (FORMAT binary)", byteaCopyInput(zip));
}

/**
 * Writes a zip to `settings.kind` and points the row at it, in one transaction; null when `ifSha256` no
 * longer holds, or when the process is a tombstone. The tombstone check comes first, under a share lock on
 * the process row that a purge (which updates the row) waits for: a zip downloaded while its process was
 * purged is never written, so no file of a purged person is left behind without a row (the database's
 * trigger would skip the row, but not the file).
 */
export async function writeResult(db: Db | Tx, settings: ResultStoreSettings, processId: string, zip: Uint8Array, options: WriteOptions = {}): Promise<PlacedResult | null> {
  const sha256 = sha256Of(zip);
  return db.transaction(async (tx) => {
    const [owner] = await tx.select({ purgedAt: processes.purgedAt }).from(processes).where(eq(processes.processId, processId)).for("share");
    if (owner?.purgedAt != null) return null;
    const [previous] = await tx
      .select({ storage: processResults.storage, storageKey: processResults.storageKey, sha256: processResults.sha256 })
      .from(processResults)
      .where(eq(processResults.processId, processId))
      .for("update");
    if (options.ifSha256 !== undefined && previous?.sha256 !== options.ifSha256) return null;
    const oldFile = previous?.storage === "filesystem" && previous.storageKey ? previous.storageKey : null;
    const toFile = settings.kind === "filesystem";
    await lockFiles(tx, [...(toFile ? [sha256] : []), ...(oldFile ? [oldFile] : [])]);
    if (toFile) await writeResultFile(settings.dir, sha256, zip);
    const staged = !toFile && (await stageZip(tx, zip));
    const content = toFile ? null : staged ? sql`(SELECT content FROM result_upload)` : zip;
    const where = { storage: toFile ? "filesystem" : "postgres", storageKey: toFile ? sha256 : null, content };
    const [row] = await tx
      .insert(processResults)
      .values({ processId, ...where, sizeBytes: zip.byteLength, sha256 })
      .onConflictDoUpdate({
        target: processResults.processId,
        // `excluded`: the zip is given once, not twice (as a parameter, hex-encoded, it is twice its size).
        set: {
          storage: sql`excluded.storage`,
          storageKey: sql`excluded.storage_key`,
          content: sql`excluded.content`,
          sizeBytes: sql`excluded.size_bytes`,
          sha256: sql`excluded.sha256`,
          storedAt: options.keepStoredAt ? sql`${processResults.storedAt}` : sql`now()`,
        },
      })
      // A move changes where the zip is, not what the desk shows: only a newly stored zip is news, and its
      // event is published by this statement.
      .returning({ ...described, notified: options.keepStoredAt ? sql`null` : deskEventNotify({ kind: "result", processId }) });
    // Emptied at once, not left for the commit: a caller's transaction may write another zip. TRUNCATE, not
    // DELETE: autovacuum never visits temporary tables, so deleted rows would stay as long as the connection.
    if (staged) await tx.execute(sql`TRUNCATE result_upload`);
    if (oldFile && !(toFile && oldFile === sha256)) await releaseFile(tx, settings.dir, oldFile);
    const { notified: _, ...stored } = row!;
    return asStored(stored);
  });
}

/**
 * On a PostgreSQL server the zip comes through `COPY … TO STDOUT (FORMAT binary)`: the column's bytes as
 * they are, read straight into one buffer of the recorded size (copy-binary.ts). A plain select would send
 * a 20 MB bytea as 40 MB of hex text that the driver keeps as a string and decodes into a third copy; one
 * statement also reads the whole value in one snapshot. COPY takes no parameters, so the process id is
 * inlined as a literal; the desk's connections start with `standard_conforming_strings` on (db/client.ts),
 * under which doubling the quotes is all the quoting a literal needs.
 */
async function copyPostgresContent(db: Db | Tx, processId: string, sizeBytes: number): Promise<Uint8Array | null | undefined> {
  const stream = await copyOut(db, `COPY (SELECT content FROM process_results WHERE process_id = ${sqlStringLiteral(processId)}) TO STDOUT (FORMAT binary)`);
  if (!stream) return undefined;
  try {
    return await readByteaCopy(stream, sizeBytes);
  } catch (error) {
    if (!(error instanceof CopyBinaryError)) throw error;
    throw new Error(`The stored zip of process ${processId} does not match its recorded size of ${sizeBytes} bytes: ${error.message}`, { cause: error });
  }
}

/**
 * PGlite has no COPY to a stream, so its rows are read a slice at a time into one buffer. Read whole, a
 * 20 MB bytea arrives as 40 MB of hex text that the driver keeps as a string, decodes into a third copy and
 * leaves in its receive buffer (PGlite's WebAssembly memory grows by as much and never shrinks); in slices,
 * each of those is 1 MiB. Each slice comes as base64 text, decoded straight into the buffer: a third less
 * to send and read than bytea's hex, and Node decodes base64 several times faster.
 */
const SLICE = 1024 * 1024;

async function slicePostgresContent(db: Db | Tx, processId: string, sizeBytes: number): Promise<Uint8Array | null> {
  const out = Buffer.allocUnsafe(sizeBytes);
  // One snapshot for every slice: a zip replaced meanwhile cannot be read half old, half new.
  const read = await db.transaction(
    async (tx) => {
      for (let at = 0; at < sizeBytes; at += SLICE) {
        const [row] = await tx
          .select({ part: sql<string | null>`encode(substring(${processResults.content} from ${at + 1} for ${SLICE}), 'base64')`, size: processResults.sizeBytes })
          .from(processResults)
          .where(eq(processResults.processId, processId));
        if (!row) return false;
        if (row.part === null || row.size !== sizeBytes) throw new Error(`The stored zip of process ${processId} changed size while it was read`);
        // PostgreSQL breaks base64 into lines; Node's decoder skips the line breaks.
        const written = out.write(row.part, at, "base64");
        if (written !== Math.min(SLICE, sizeBytes - at)) throw new Error(`The stored zip of process ${processId} is shorter than its recorded size`);
      }
      return true;
    },
    { isolationLevel: "repeatable read" },
  );
  return read ? out : null;
}

async function readPostgresContent(db: Db | Tx, processId: string, sizeBytes: number): Promise<Uint8Array> {
  const copied = await copyPostgresContent(db, processId, sizeBytes);
  const bytes = copied === undefined ? await slicePostgresContent(db, processId, sizeBytes) : copied;
  if (!bytes) throw new UnreadableResultError("damaged", "The stored zip disappeared while it was read.");
  return bytes;
}

/** A row's bytes from wherever the row says they are. */
export async function readResult(
  db: Db | Tx,
  dir: string,
  row: { processId: string; storage: string; storageKey: string | null; sizeBytes: number; sha256: string },
): Promise<Uint8Array> {
  if (row.storage === "filesystem") return readResultFile(dir, row.storageKey ?? row.sha256, row.sizeBytes);
  if (row.storage !== "postgres") throw new Error(`Unknown result storage "${row.storage}"`);
  return readPostgresContent(db, row.processId, row.sizeBytes);
}

export function resultStore(db: Db | Tx, settings: ResultStoreSettings = configuredResultStore()): ResultStore {
  return {
    put: (processId, zip) => writeResult(db, settings, processId, zip),
    async get(processId) {
      const [row] = await db
        .select({
          processId: processResults.processId,
          storage: processResults.storage,
          storageKey: processResults.storageKey,
          sizeBytes: processResults.sizeBytes,
          sha256: processResults.sha256,
        })
        .from(processResults)
        .where(eq(processResults.processId, processId));
      return row ? readResult(db, settings.dir, row) : null;
    },
    async describe(processId) {
      const [row] = await db.select(described).from(processResults).where(eq(processResults.processId, processId));
      return row ? asStored(row) : null;
    },
    delete: async (processId) => (await deleteResults(db, [processId], settings)) > 0,
  };
}

/**
 * Deletes these processes' zips wherever each is kept; a file goes once no other row holds the same zip.
 * Returns how many were deleted. Run inside the caller's transaction when one is given.
 */
export async function deleteResults(db: Db | Tx, processIds: readonly string[], settings: ResultStoreSettings = configuredResultStore()): Promise<number> {
  if (processIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(processResults)
      .where(anyOf(processResults.processId, processIds))
      .returning({ storage: processResults.storage, storageKey: processResults.storageKey });
    const keys = rows.flatMap((row) => (row.storage === "filesystem" && row.storageKey ? [row.storageKey] : []));
    await lockFiles(tx, keys);
    for (const key of new Set(keys)) await releaseFile(tx, settings.dir, key);
    return rows.length;
  });
}

/** Rows not yet in `storage`, in process-id order after `after` (the move's batches). */
export function listResultsNotIn(db: Db, storage: ResultStorage, after: string, limit: number) {
  return db
    .select({ processId: processResults.processId, storage: processResults.storage, sizeBytes: processResults.sizeBytes, sha256: processResults.sha256 })
    .from(processResults)
    .where(and(ne(processResults.storage, storage), sql`${processResults.processId} > ${after}`))
    .orderBy(processResults.processId)
    .limit(limit);
}

export async function countResultsNotIn(db: Db, storage: ResultStorage): Promise<number> {
  const [row] = await db.select({ n: count() }).from(processResults).where(ne(processResults.storage, storage));
  return row?.n ?? 0;
}
