import type { ChartValue, ColumnKind } from "@/lib/overview/overview-chart-types";

/**
 * A chart's value as the page writes it, in the viewer's locale, by its column's kind: in the table (`full`)
 * or on an axis (`short`). Days and hours are the viewer's own already (the server counted in their zone),
 * so they are written as they are, not moved to another zone. Plain code: the server's table and the
 * browser's charts both use it.
 */
export function formatChartValue(value: ChartValue | undefined, kind: ColumnKind, locale: string, noneGiven: string, style: "full" | "short" = "full"): string {
  if (value == null) return kind === "failReason" ? noneGiven : "—";
  if (typeof value === "string") {
    if (kind === "day") return calendar(`${value}T00:00:00Z`, locale, style === "full" ? { day: "2-digit", month: "2-digit", year: "numeric" } : { day: "2-digit", month: "2-digit" });
    if (kind === "hour") return calendar(`${value}:00Z`, locale, { day: "2-digit", month: "2-digit", ...(style === "full" ? { year: "numeric" } : {}), hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return value;
  }
  if (kind === "percent") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** A wall-clock day or hour (`2026-12-02`, `2026-12-02T10:00`) written as it is: read and written in UTC. */
function calendar(iso: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(at);
}
