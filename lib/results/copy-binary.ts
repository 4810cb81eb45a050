import type { Readable } from "node:stream";

/**
 * Reads the output of `COPY (select <one bytea column> …) TO STDOUT (FORMAT binary)` for at most one row,
 * straight into one buffer of the size the caller expects. PostgreSQL's binary COPY sends a column's bytes
 * as they are, so a 20 MB zip arrives as 20 MB, with no hex or base64 text to build on the server and to
 * decode here.
 *
 * The format: the 11-byte signature `PGCOPY\n\377\r\n\0`, an int32 of flags, an int32 header-extension
 * length and that many bytes; then per row an int16 field count, and per field an int32 length (-1 for
 * NULL) and the bytes; at the end an int16 -1. All integers are big-endian.
 *
 * Anything but one whole row of exactly the expected length is an error that says what was wrong: a torn
 * read must never pass for a zip.
 */

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** Bit 16 of the flags says every field carries an OID first; this desk never asks for it. */
const OIDS_FLAG = 1 << 16;

export class CopyBinaryError extends Error {
  override name = "CopyBinaryError";
}

export interface ByteaCopyReader {
  /**
   * Takes the next chunk of the COPY stream, in order; throws at the first thing that is not as expected. A
   * chunk that holds the whole field is kept, not copied: it must not be written to afterwards.
   */
  push(chunk: Uint8Array): void;
  /** The field's bytes; null when the COPY held no row. Throws when the stream stopped before its end. */
  finish(): Buffer | null;
}

type Step = "header" | "extension" | "tuple" | "length" | "field" | "done";

export function byteaCopyReader(expectedBytes: number): ByteaCopyReader {
  if (!Number.isSafeInteger(expectedBytes) || expectedBytes < 0 || expectedBytes > 0x7fffffff) {
    throw new RangeError(`A single bytea field cannot hold ${expectedBytes} bytes`);
  }
  let step: Step = "header";
  // The small parts (header, counts, lengths) may be split across chunks: they are gathered here first.
  let want = SIGNATURE.length + 8;
  let small = Buffer.alloc(want);
  let gathered = 0;
  let out: Buffer | null = null;
  let fieldBytes = 0;
  let filled = 0;
  let rows = 0;

  function expect(bytes: number, next: Step) {
    step = next;
    want = bytes;
    if (small.length < bytes) small = Buffer.alloc(bytes);
    gathered = 0;
  }

  /** Acts on a small part once all of it is gathered. */
  function onSmall(part: Buffer) {
    switch (step) {
      case "header": {
        if (!part.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new CopyBinaryError("The COPY stream does not start with PostgreSQL's binary signature");
        const flags = part.readInt32BE(SIGNATURE.length);
        if (flags & OIDS_FLAG) throw new CopyBinaryError("The COPY stream carries OIDs, which were not asked for");
        const extension = part.readInt32BE(SIGNATURE.length + 4);
        if (extension < 0) throw new CopyBinaryError(`The COPY stream's header extension has a negative length (${extension})`);
        if (extension > 0) expect(extension, "extension");
        else expect(2, "tuple");
        return;
      }
      case "extension":
        // Readers must skip an extension they do not know; PostgreSQL sends none today.
        expect(2, "tuple");
        return;
      case "tuple": {
        const fields = part.readInt16BE(0);
        if (fields === -1) {
          step = "done";
          return;
        }
        if (rows > 0) throw new CopyBinaryError("The COPY stream holds more than one row");
        if (fields !== 1) throw new CopyBinaryError(`The COPY stream's row has ${fields} fields, not 1`);
        rows++;
        expect(4, "length");
        return;
      }
      case "length": {
        const length = part.readInt32BE(0);
        if (length === -1) throw new CopyBinaryError("The field is NULL");
        if (length !== expectedBytes) throw new CopyBinaryError(`The field holds ${length} bytes, not the ${expectedBytes} recorded`);
        fieldBytes = length;
        filled = 0;
        if (length === 0) {
          out = Buffer.alloc(0);
          expect(2, "tuple");
        } else step = "field";
        return;
      }
      default:
        throw new Error(`No small part is read in step ${step}`);
    }
  }

  return {
    push(chunk) {
      let at = 0;
      while (at < chunk.length) {
        if (step === "done") throw new CopyBinaryError("The COPY stream goes on after its trailer");
        if (step === "field") {
          if (filled === 0 && chunk.length - at >= fieldBytes) {
            // The whole field in one chunk (postgres.js hands over each COPY message whole, and PostgreSQL
            // sends a row as one message): a view of it, not a second copy of 20 MB.
            out = Buffer.from(chunk.buffer, chunk.byteOffset + at, fieldBytes);
            at += fieldBytes;
            filled = fieldBytes;
          } else {
            out ??= Buffer.allocUnsafe(fieldBytes);
            const n = Math.min(chunk.length - at, fieldBytes - filled);
            out.set(chunk.subarray(at, at + n), filled);
            at += n;
            filled += n;
          }
          if (filled === fieldBytes) expect(2, "tuple");
          continue;
        }
        const n = Math.min(chunk.length - at, want - gathered);
        small.set(chunk.subarray(at, at + n), gathered);
        gathered += n;
        at += n;
        if (gathered === want) onSmall(small.subarray(0, want));
      }
    },
    finish() {
      if (step !== "done") {
        const where = step === "field" ? `after ${filled} of the field's ${expectedBytes} bytes` : `while reading the ${step}`;
        throw new CopyBinaryError(`The COPY stream ended early, ${where}`);
      }
      return out;
    },
  };
}

/**
 * Reads a whole COPY stream through `byteaCopyReader`. Read as events, each chunk arrives as it was pushed:
 * a paused stream's `read()`, which async iteration uses, joins the chunks it has buffered into a new
 * buffer, a copy of the whole zip. After an error the rest of the stream is still read (and dropped), never
 * abandoned: the connection it came on then finishes its COPY and can serve the next query.
 */
export function readByteaCopy(stream: Readable, expectedBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const reader = byteaCopyReader(expectedBytes);
    let failure: { error: unknown } | undefined;
    let settled = false;
    const settle = (outcome: () => Buffer | null) => {
      if (settled) return;
      settled = true;
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    stream.on("data", (chunk: Uint8Array) => {
      if (failure) return;
      try {
        reader.push(chunk);
      } catch (error) {
        failure = { error };
      }
    });
    stream.once("end", () =>
      settle(() => {
        if (failure) throw failure.error;
        return reader.finish();
      }),
    );
    stream.once("error", (error) =>
      settle(() => {
        throw error;
      }),
    );
    stream.once("close", () =>
      settle(() => {
        throw new CopyBinaryError("The COPY stream closed before its end");
      }),
    );
  });
}

/**
 * The input of `COPY <table> (<one bytea column>) FROM STDIN (FORMAT binary)` for one row holding `field`:
 * a header, the field itself (not copied) and the trailer.
 */
export function byteaCopyInput(field: Uint8Array): Uint8Array[] {
  if (field.byteLength > 0x7fffffff) throw new RangeError(`A single bytea field cannot hold ${field.byteLength} bytes`);
  const header = Buffer.alloc(SIGNATURE.length + 8 + 2 + 4);
  SIGNATURE.copy(header, 0);
  // Flags and header-extension length stay 0; then one field of this length.
  header.writeInt16BE(1, SIGNATURE.length + 8);
  header.writeInt32BE(field.byteLength, SIGNATURE.length + 10);
  return [header, field, Buffer.from([0xff, 0xff])];
}

/**
 * A string as an SQL literal, for the one statement that takes no parameters (COPY). Doubling the quotes is
 * enough only while `standard_conforming_strings` is on (backslashes are then plain characters): the caller
 * checks that it is.
 */
export function sqlStringLiteral(text: string): string {
  if (text.includes("\0")) throw new RangeError("An SQL string cannot hold a NUL character");
  return `'${text.replaceAll("'", "''")}'`;
}
