import type { TimeSettings } from "./time-settings";

/**
 * How a time is written: `dateTime` (2 Dec 2026, 13:07), `seconds` (where the second matters: the audit log),
 * `short` (a table column: 02.12.2026, 13:07), `date` (a calendar day) or `relative` (3 min ago).
 */
export type TimeStyle = "dateTime" | "seconds" | "short" | "date" | "relative";

const OPTIONS: Record<Exclude<TimeStyle, "relative">, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  seconds: { dateStyle: "medium", timeStyle: "medium" },
  short: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  date: { dateStyle: "medium" },
};

/** The exact instant, the same for every viewer: for the hover title. */
export function utcText(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/** A time in the viewer's zone and language (the browser's own Intl: no formatting library in the bundle). */
export function timeText(at: Date, style: TimeStyle, { locale, timeZone }: TimeSettings, now: number = Date.now()): string {
  if (style !== "relative") return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone }).format(at);
  const diff = at.getTime() - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ["second", 1_000];
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }).format(Math.round(diff / size), unit);
}
