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
