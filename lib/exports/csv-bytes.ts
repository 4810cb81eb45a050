import { csvCell, type CsvValue } from "./csv-format";

/** UTF-8 takes at most three bytes for one UTF-16 code unit (a surrogate pair: four bytes for two). */
const MAX_BYTES_PER_CODE_UNIT = 3;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** A batch as the bytes of its lines, and how many rows they are. */
export interface CsvChunk {
  bytes: Uint8Array;
  rows: number;
}

/**
 * Lines written as UTF-8 into one buffer, a cell at a time: the same bytes as `csvLine` per row, without
 * building each line as a string first. A batch's text as one string (400–800 kB) was allocated straight in
 * V8's old generation, and the strings of each line were garbage that made the young generation's
 * collections more frequent. The buffer starts at `sizeHint` (say, the batch before's bytes) and doubles
 * when a cell would not fit.
 */
export class CsvWriter {
  // Uninitialised memory: only the bytes written are handed out (`chunk`).
  private buffer: Buffer;
  private length = 0;
  private rows = 0;

  constructor(sizeHint = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(Math.max(sizeHint, 1024));
  }

  row(values: readonly CsvValue[]): void {
    for (let i = 0; i < values.length; i++) {
      const text = csvCell(values[i]);
      // The cell, and its comma or the line end.
      this.reserve(text.length * MAX_BYTES_PER_CODE_UNIT + 2);
      if (i > 0) this.buffer[this.length++] = COMMA;
      if (text.length > 0) this.length += this.buffer.write(text, this.length, "utf8");
    }
    this.reserve(2);
    this.buffer[this.length++] = CR;
    this.buffer[this.length++] = LF;
    this.rows++;
  }

  chunk(): CsvChunk {
    return { bytes: this.buffer.subarray(0, this.length), rows: this.rows };
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** A batch's lines as UTF-8 in one buffer (CsvWriter). */
export function csvBytes<T>(rows: readonly T[], cells: (row: T) => readonly CsvValue[], sizeHint?: number): Uint8Array {
  const writer = new CsvWriter(sizeHint);
  for (const row of rows) writer.row(cells(row));
  return writer.chunk().bytes;
}

/**
 * The next batch's buffer: a little bigger than this batch's bytes, so that a run of similar batches rarely
 * grows its buffer.
 */
export function nextSizeHint(bytes: Uint8Array): number {
  return Math.ceil(bytes.length * 1.1);
}
