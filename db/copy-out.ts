import type { Readable } from "node:stream";
import type { Db, Tx } from "./client";

/** What COPY needs of postgres.js: a statement sent as a simple query whose output arrives as a stream. */
interface CopyingClient {
  unsafe(query: string): { readable(): Promise<Readable> };
}

function isCopyingClient(client: unknown): client is CopyingClient {
  return typeof client === "function" && typeof (client as { unsafe?: unknown }).unsafe === "function";
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
 * transaction's own, inside one); null on PGlite, which writes COPY output only to its `/dev/blob` device,
 * whole, and not as a stream. drizzle has no COPY, so this reaches past it to the postgres.js client it
 * runs on. COPY takes no parameters: `statement` must be complete, its literals quoted by the caller.
 *
 * The stream must be read to its end, not destroyed: postgres.js keeps the connection for the COPY until
 * the server has sent all of it, and stops reading from the server while the stream is not read.
 */
export async function copyOut(db: Db | Tx, statement: string): Promise<Readable | null> {
  const client = (db._.session as unknown as { client?: unknown }).client;
  if (!isCopyingClient(client)) return null;
  const stream = await client.unsafe(statement).readable();
  resumeConnectionWhenDone(stream);
  return stream;
}
