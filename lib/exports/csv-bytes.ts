import { csvCell, type CsvValue } from "./csv-format";

/** UTF-8 takes at most three bytes for one UTF-16 code unit (a surrogate pair: four bytes for two). */
const MAX_BYTES_PER_CODE_UNIT = 3;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * A batch's lines as UTF-8 in one buffer, written a cell at a time: the same bytes as `csvLine` per row,
 * without building each line as a string first. The batch's text as one string (400–800 kB) was allocated
 * straight in V8's old generation, and the strings of each line were garbage that made the young
 * generation's collections more frequent: rows still being read outlived two of them and were promoted.
 * `sizeHint` is the buffer's first size (the batch before's bytes); it doubles when a cell would not fit.
 */
export function csvBytes<T>(rows: readonly T[], cells: (row: T) => readonly CsvValue[], sizeHint = 64 * 1024): Buffer {
  // Uninitialised memory: only the bytes written are handed out (the subarray below).
  let buffer = Buffer.allocUnsafe(Math.max(sizeHint, 1024));
  let length = 0;
  for (const row of rows) {
    const values = cells(row);
    for (let i = 0; i < values.length; i++) {
      const text = csvCell(values[i]);
      // The cell, its comma or the line end.
      const worst = length + text.length * MAX_BYTES_PER_CODE_UNIT + 2;
      if (worst > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, worst));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      if (i > 0) buffer[length++] = COMMA;
      if (text.length > 0) length += buffer.write(text, length, "utf8");
    }
    if (length + 2 > buffer.length) {
      const grown = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    buffer[length++] = CR;
    buffer[length++] = LF;
  }
  return buffer.subarray(0, length);
}
