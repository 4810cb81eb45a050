import { UnreadableResultError, UnsafeResultError } from "./result-errors";
import { formatBytes, type ResultLimits } from "./result-limits";

/**
 * Reads a zip's central directory: the one reading of a stored zip's structure, from which its entries are
 * then taken (inflate-entry.ts). The walk stops at the entry limit whatever the end record declares, so a
 * zip with a million tiny entries costs nothing before the refusal; names are checked as raw bytes and
 * declared sizes are summed, so that a zip bomb is refused before anything is inflated.
 *
 * Why not JSZip's reader (JSZip still writes the zips the simulator and the tests make): it copies and
 * walks every byte of the zip before handing out the first entry, and inflates through a chain of
 * JavaScript streams. Here an entry is a view of the zip's bytes or one call to Node's zlib: opening the
 * demo's 161 KiB result for its reports went from 1.3 ms to ~0.2 ms, a cost the result stage pays for
 * every stored zip (bench/findings.ts).
 */

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts; its data follows that header (inflate-entry.ts). */
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
/** Stored and deflated: the two methods inflate-entry.ts reads (and all that zips of results use). */
const SUPPORTED_METHODS = new Set([0, 8]);

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - U16_MAX);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function safeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new UnreadableResultError("corrupt", `The zip declares an impossible ${what}.`);
  return Number(value);
}

interface EndRecord {
  entries: number;
  directorySize: number;
  directoryOffset: number;
  /** Where the directory must end: the ZIP64 end record when there is one, else the end record. */
  directoryEnd: number;
}

function readEndRecord(view: DataView): EndRecord {
  const at = view.byteLength >= 22 ? findEndRecord(view) : -1;
  if (at < 0) {
    const startsLikeZip = view.byteLength >= 4 && view.getUint32(0, true) === LOCAL_HEADER;
    throw startsLikeZip
      ? new UnreadableResultError("truncated", "The stored zip is truncated: its end record is missing.")
      : new UnreadableResultError("not-a-zip", "The stored result is not a zip file.");
  }
  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) {
    throw new UnreadableResultError("unsupported", "The stored zip is split over several parts.");
  }
  let entries = view.getUint16(at + 10, true);
  let directorySize = view.getUint32(at + 12, true);
  let directoryOffset = view.getUint32(at + 16, true);
  let directoryEnd = at;
  if (entries === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX) {
    const locator = at - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
      throw new UnreadableResultError("corrupt", "The zip's ZIP64 end record is missing.");
    }
    const record = safeNumber(view.getBigUint64(locator + 8, true), "ZIP64 offset");
    if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) {
      throw new UnreadableResultError("truncated", "The zip's ZIP64 end record lies outside the file.");
    }
    entries = safeNumber(view.getBigUint64(record + 32, true), "entry count");
    directorySize = safeNumber(view.getBigUint64(record + 40, true), "directory size");
    directoryOffset = safeNumber(view.getBigUint64(record + 48, true), "directory offset");
    directoryEnd = record;
  }
  if (directoryOffset + directorySize > view.byteLength) {
    throw new UnreadableResultError("truncated", "The stored zip is truncated: its directory lies past the end of the file.");
  }
  // Readers differ on a gap between the directory's end and the end record: some (JSZip among them) take it
  // for bytes prepended to the zip and read the directory again from a shifted offset. A zip that two
  // readers would see differently is refused, whoever reads it next (a download, another tool).
  if (directoryOffset + directorySize !== directoryEnd) {
    throw new UnreadableResultError("corrupt", "The zip's directory does not end where its end record begins.");
  }
  return { entries, directorySize, directoryOffset, directoryEnd };
}

/** Why a name is refused, or null when it is a plain relative path. */
export function entryNameProblem(name: string, maxLength: number): string | null {
  if (name.length === 0) return "an empty name";
  if (Buffer.byteLength(name, "utf8") > maxLength) return `a name longer than ${maxLength} bytes`;
  if (name.includes("\0")) return "a NUL character in a name";
  if (/[\u0001-\u001f\u007f]/.test(name)) return "a control character in a name";
  if (name.includes("\\")) return "a backslash in a name";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "an absolute path";
  if (name.split("/").some((part) => part === "..")) return "a '..' path component";
  return null;
}

function describeName(name: string): string {
  const printable = name.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > 60 ? `${printable.slice(0, 57)}...` : printable;
}

/**
 * Reads the ZIP64 extra field's values where the 32-bit fields are saturated; the field holds only those,
 * in this order: uncompressed size, compressed size, local header offset.
 */
function zip64Fields(view: DataView, extraStart: number, extraLength: number, sizes: { compressed: number; uncompressed: number; offset: number }) {
  let at = extraStart;
  const end = extraStart + extraLength;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      if (sizes.uncompressed === U32_MAX && field + 8 <= end) {
        sizes.uncompressed = safeNumber(view.getBigUint64(field, true), "entry size");
        field += 8;
      }
      if (sizes.compressed === U32_MAX && field + 8 <= end) {
        sizes.compressed = safeNumber(view.getBigUint64(field, true), "entry size");
        field += 8;
      }
      if (sizes.offset === U32_MAX && field + 8 <= end) {
        sizes.offset = safeNumber(view.getBigUint64(field, true), "entry offset");
      }
      return;
    }
    at += 4 + size;
  }
}

export function readZipDirectory(bytes: Uint8Array, limits: ResultLimits): DirectoryEntry[] {
  if (bytes.byteLength > limits.maxZipBytes) {
    throw new UnsafeResultError("zip-too-large", `The zip is ${formatBytes(bytes.byteLength)}; the desk opens zips up to ${formatBytes(limits.maxZipBytes)}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = readEndRecord(view);
  if (end.entries > limits.maxEntries) {
    throw new UnsafeResultError("too-many-entries", `The zip declares ${end.entries} entries; the desk opens at most ${limits.maxEntries}.`);
  }
  const decoder = new TextDecoder("utf-8");
  const entries: DirectoryEntry[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let at = end.directoryOffset;
  const directoryEnd = end.directoryOffset + end.directorySize;
  while (at + 4 <= directoryEnd && view.getUint32(at, true) === CENTRAL_HEADER) {
    if (entries.length >= limits.maxEntries) {
      throw new UnsafeResultError("too-many-entries", `The zip holds more than ${limits.maxEntries} entries.`);
    }
    if (at + 46 > directoryEnd) throw new UnreadableResultError("truncated", "The zip's directory is cut short.");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const sizes = { compressed: view.getUint32(at + 20, true), uncompressed: view.getUint32(at + 24, true), offset: view.getUint32(at + 42, true) };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) throw new UnreadableResultError("truncated", "The zip's directory is cut short.");
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    zip64Fields(view, at + 46 + nameLength, extraLength, sizes);

    const problem = entryNameProblem(name, limits.maxNameLength);
    if (problem) throw new UnsafeResultError("entry-name", `The zip has ${problem}: "${describeName(name)}".`);
    if (names.has(name)) throw new UnsafeResultError("duplicate-name", `The zip holds "${describeName(name)}" twice.`);
    names.add(name);
    if (flags & 0x1) throw new UnsafeResultError("encrypted", `The zip's entry "${describeName(name)}" is encrypted.`);
    if (!SUPPORTED_METHODS.has(method)) {
      throw new UnreadableResultError("unsupported", `The zip's entry "${describeName(name)}" uses compression method ${method}.`);
    }
    if (sizes.uncompressed > limits.maxEntryBytes) {
      throw new UnsafeResultError("declared-too-large", `The zip's entry "${describeName(name)}" declares ${formatBytes(sizes.uncompressed)}; the limit is ${formatBytes(limits.maxEntryBytes)}.`);
    }
    declaredTotal += sizes.uncompressed;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new UnsafeResultError("declared-too-large", `The zip declares more than ${formatBytes(limits.maxTotalBytes)} of content.`);
    }
    if (sizes.offset + 30 + sizes.compressed > end.directoryOffset) {
      throw new UnreadableResultError("corrupt", `The zip's entry "${describeName(name)}" lies past the start of its directory.`);
    }
    entries.push({
      name,
      isDirectory: name.endsWith("/"),
      method,
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset,
    });
    at = next;
  }
  if (entries.length !== end.entries) {
    throw new UnreadableResultError("corrupt", `The zip's end record declares ${end.entries} entries but its directory holds ${entries.length}.`);
  }
  return entries;
}
