import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { Db, Tx } from "./client";
import { postgresJsOf } from "./driver";

/**
 * COPY through postgres.js, which drizzle does not offer: these reach past drizzle to the client it runs
 * on. PGlite reads and writes COPY data only through its `/dev/blob` device, whole, not as a stream; on it
 * these answer null or false and callers keep a path of their own. COPY takes no parameters: a statement
 * must be complete, its literals quoted by the caller.
 */

/** What COPY needs of postgres.js: a statement sent as a simple query whose data comes or goes as a stream. */
interface CopyingClient {
  unsafe(query: string): { readable(): Promise<Readable>; writable(): Promise<Writable> };
}

function copyingClient(db: Db | Tx): CopyingClient | null {
  return postgresJsOf(db) as unknown as CopyingClient | null;
}

/** Whether `db` runs on a client that streams COPY data (PostgreSQL, not PGlite). */
export function canCopy(db: Db | Tx): boolean {
  return copyingClient(db) !== null;
}

/**
 * postgres.js pauses the connection's socket whenever a COPY chunk overfills the stream's buffer, and
 * resumes it only when the stream asks for more. When the end of the COPY came in the same network read
 * as a large last chunk, the stream has ended before it asks: the socket stays paused, and the next query
 * sent on that connection waits forever. The stream's own read hook is what resumes the socket, so it is
 * called once more when the stream is done.
 */
function resumeConnectionWhenDone(stream: Readable): void {
  const resume = () => {
    try {
      (stream as unknown as { _read(size: number): void })._read(0);
    } catch {
      // The connection closed meanwhile: nothing is left to resume.
    }
  };
  stream.once("end", resume);
  stream.once("close", resume);
}

/**
 * Runs `COPY (…) TO STDOUT` and returns its output as a stream, on the connection `db` runs on (a
 * transaction's own, inside one); null on PGlite.
 *
 * The stream must be read to its end, not destroyed: postgres.js keeps the connection for the COPY until
 * the server has sent all of it, and stops reading from the server while the stream is not read.
 */
export async function copyOut(db: Db | Tx, statement: string): Promise<Readable | null> {
  const client = copyingClient(db);
  if (!client) return null;
  const stream = await client.unsafe(statement).readable();
  resumeConnectionWhenDone(stream);
  return stream;
}

/** postgres.js copies each chunk written into a message of its own: in pieces, that copy stays small. */
const PIECE = 256 * 1024;

/**
 * Runs `COPY … FROM STDIN` with `data` as its input, on the connection `db` runs on (a transaction's own,
 * inside one); false on PGlite.
 */
export async function copyIn(db: Db | Tx, statement: string, data: readonly Uint8Array[]): Promise<boolean> {
  const client = copyingClient(db);
  if (!client) return false;
  const stream = await client.unsafe(statement).writable();
  const done = finished(stream);
  // Awaited at the end; caught here so that an error while waiting for 'drain' does not leave it unhandled.
  done.catch(() => undefined);
  for (const part of data) {
    for (let at = 0; at < part.length; at += PIECE) {
      if (!stream.write(part.subarray(at, at + PIECE))) await once(stream, "drain");
    }
  }
  stream.end();
  await done;
  return true;
}
