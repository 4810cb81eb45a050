/**
 * Byte-level edits of a valid zip, to make the hostile ones JSZip refuses to write: odd names, lying sizes,
 * encryption flags. Test-only.
 */

const CENTRAL_HEADER = 0x02014b50;

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Replaces every occurrence of a name (local and central headers) by another of the same byte length. */
export function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  if (a.length !== b.length) throw new Error("renameEntry: names must have the same byte length");
  const out = zip.slice();
  for (let at = indexOf(out, a, 0); at >= 0; at = indexOf(out, a, at + 1)) out.set(b, at);
  return out;
}

/** Calls `edit` with a view of each central directory record, in order. */
export function editCentralRecords(zip: Uint8Array, edit: (view: DataView, at: number, index: number) => void): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let index = 0;
  for (let at = 0; at + 46 <= out.length; at++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) continue;
    edit(view, at, index++);
    at += 45 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** Makes every entry claim `size` bytes once inflated. */
export function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  return editCentralRecords(zip, (view, at) => view.setUint32(at + 24, size, true));
}

export function markEncrypted(zip: Uint8Array): Uint8Array {
  return editCentralRecords(zip, (view, at) => view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true));
}

const END_RECORD = 0x06054b50;

function endRecordAt(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 22; at >= 0; at--) if (view.getUint32(at, true) === END_RECORD) return at;
  throw new Error("no end record");
}

/** Puts `gap` between the central directory and the end record, leaving the declared offset and size alone. */
export function gapBeforeEndRecord(zip: Uint8Array, gap: Uint8Array): Uint8Array {
  const at = endRecordAt(zip);
  const out = new Uint8Array(zip.length + gap.length);
  out.set(zip.subarray(0, at), 0);
  out.set(gap, at);
  out.set(zip.subarray(at), at + gap.length);
  return out;
}

/**
 * The same zip with a ZIP64 end record and locator before its end record, whose fields are saturated so
 * that readers must take the ZIP64 ones; `gap` bytes go between the directory and the ZIP64 record.
 */
export function withZip64EndRecord(zip: Uint8Array, gap: Uint8Array = new Uint8Array(0)): Uint8Array {
  const at = endRecordAt(zip);
  const source = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries = source.getUint16(at + 10, true);
  const size = source.getUint32(at + 12, true);
  const offset = source.getUint32(at + 16, true);
  const record = at + gap.length;
  const out = new Uint8Array(zip.length + gap.length + 56 + 20);
  const view = new DataView(out.buffer);
  out.set(zip.subarray(0, at), 0);
  out.set(gap, at);
  view.setUint32(record, 0x06064b50, true);
  view.setBigUint64(record + 4, 44n, true);
  view.setUint16(record + 12, 45, true);
  view.setUint16(record + 14, 45, true);
  view.setBigUint64(record + 24, BigInt(entries), true);
  view.setBigUint64(record + 32, BigInt(entries), true);
  view.setBigUint64(record + 40, BigInt(size), true);
  view.setBigUint64(record + 48, BigInt(offset), true);
  const locator = record + 56;
  view.setUint32(locator, 0x07064b50, true);
  view.setBigUint64(locator + 8, BigInt(record), true);
  view.setUint32(locator + 16, 1, true);
  const end = locator + 20;
  out.set(zip.subarray(at), end);
  view.setUint16(end + 8, 0xffff, true);
  view.setUint16(end + 10, 0xffff, true);
  view.setUint32(end + 12, 0xffffffff, true);
  view.setUint32(end + 16, 0xffffffff, true);
  return out;
}
