/**
 * Days typed and shown in the page's own numeric date format (`02/12/2026` in British English, `02.12.2026` in
 * Norwegian), while the URL keeps ISO days (`2026-12-02`), which the server parses. The browser's date picker
 * would show its own format instead of the page's. Zod-free: this runs in the browser.
 */
type Part = "day" | "month" | "year";

export interface DayFormat {
  order: Part[];
  separator: string;
}

export function dayFormatOf(locale: string): DayFormat {
  const parts = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).formatToParts(new Date(Date.UTC(2026, 11, 2)));
  const order = parts.map((p) => p.type).filter((t): t is Part => t === "day" || t === "month" || t === "year");
  const separator = parts.find((p) => p.type === "literal")?.value.trim() || "-";
  return { order: order.length === 3 ? order : ["year", "month", "day"], separator };
}

/** `2026-12-02` as the page writes it. */
export function showDay(iso: string, format: DayFormat): string {
  const [year, month, day] = iso.split("-");
  const value: Record<Part, string | undefined> = { year, month, day };
  return format.order.map((part) => value[part]).join(format.separator);
}

/** The pattern as letters (`DD.MM.YYYY`), with the letters of the page's language. */
export function dayPattern(format: DayFormat, letters: Record<Part, string>): string {
  return format.order.map((part) => letters[part]).join(format.separator);
}

/** What was typed as an ISO day, null for an empty field, or "invalid" (not in the format, or no such day). */
export function readDay(text: string, format: DayFormat): string | null | "invalid" {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return realDay(trimmed);
  const pieces = trimmed.split(/[./\-\s]+/);
  if (pieces.length !== 3 || pieces.some((p) => !/^\d+$/.test(p))) return "invalid";
  const value = Object.fromEntries(format.order.map((part, i) => [part, pieces[i]!])) as Record<Part, string>;
  if (value.year.length !== 4 || value.month.length > 2 || value.day.length > 2) return "invalid";
  return realDay(`${value.year}-${value.month.padStart(2, "0")}-${value.day.padStart(2, "0")}`);
}

function realDay(iso: string): string | "invalid" {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : "invalid";
}
