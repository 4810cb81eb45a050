export function formatName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter(Boolean).join(" ");
  return name || null;
}

const KIB = 1024;
const MIB = KIB * KIB;

/** A file's size in binary units (`B`, `KiB`, `MiB`: the same symbols in every language), the number in the locale. */
export function byteSize(bytes: number, locale: string): string {
  const number = (n: number, digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  if (bytes < KIB) return `${number(bytes, 0)} B`;
  if (bytes < MIB) return `${number(bytes / KIB, 1)} KiB`;
  return `${number(bytes / MIB, 1)} MiB`;
}
