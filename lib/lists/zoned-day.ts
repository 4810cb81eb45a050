/**
 * A calendar day in a time zone as the UTC instants it spans: a date filter means that day where the viewer
 * is (`2026-12-02` in Oslo starts at 23:00 UTC the day before), and a day across a clock change is 23 or 25
 * hours long.
 */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(value("year"), value("month") - 1, value("day"), value("hour"), value("minute"), value("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the day (`YYYY-MM-DD`) begins in the zone. */
export function dayStartIn(day: string, timeZone = "UTC"): Date {
  const midnightUtc = new Date(`${day}T00:00:00Z`).getTime();
  const first = midnightUtc - offsetMs(new Date(midnightUtc), timeZone);
  // Once more at the found instant, in case a clock change lies between it and UTC midnight.
  return new Date(midnightUtc - offsetMs(new Date(first), timeZone));
}

/** The instant the day after begins: the end (exclusive) of a range that includes `day`. */
export function dayEndIn(day: string, timeZone = "UTC"): Date {
  const next = new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
  return dayStartIn(next, timeZone);
}

/** The day (`YYYY-MM-DD`) an instant falls on in the zone: what "today" is for the viewer. */
export function dayIn(at: Date, timeZone = "UTC"): string {
  return new Date(Math.floor(at.getTime() / 1000) * 1000 + offsetMs(at, timeZone)).toISOString().slice(0, 10);
}
