import { z } from "zod";
import { PROCESS_TYPES } from "../assure/values";
import { lookupAndDays } from "../lists/list-query";
import { LISTED_DOCUMENT_TYPES } from "../lists/list-values";
import { dayEndIn, dayIn, dayStartIn } from "../lists/zoned-day";

/**
 * What the overview is asked: a range of days (the last 30 by default, at most 366) and the queue's own
 * process type, document type and country filters, so that every chart's link opens the same rows. The days
 * are the viewer's, in their time zone (`tz`, from the viewer, never the URL), as the queue reads them: a
 * chart's day and the queue it links to hold the same processes.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;

const isoDay = z.iso.date({ error: "dates are YYYY-MM-DD" });
const blankToNull = (value: unknown) => (value === "" ? null : value);

export const OverviewFilters = z
  .object({
    from: z.preprocess(blankToNull, isoDay.nullish()),
    to: z.preprocess(blankToNull, isoDay.nullish()),
    type: z.preprocess(blankToNull, z.enum(PROCESS_TYPES).nullish()),
    doc: z.preprocess(blankToNull, z.enum(LISTED_DOCUMENT_TYPES).nullish()),
    country: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/, "a country is an ISO 3166 alpha-3 code such as PRT")
        .transform((c) => c.toUpperCase())
        .nullish(),
    ),
    tz: lookupAndDays.tz,
  })
  .transform((f, context) => {
    const tz = f.tz ?? "UTC";
    const today = dayIn(new Date(), tz);
    const to = f.to ?? (f.from ? addDays(f.from, DEFAULT_RANGE_DAYS - 1) : today);
    const from = f.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
    if (from > to) context.addIssue({ code: "custom", message: "the date range ends before it starts", path: ["to"] });
    if (daysBetween(from, to) > MAX_RANGE_DAYS) context.addIssue({ code: "custom", message: `the range is at most ${MAX_RANGE_DAYS} days`, path: ["to"] });
    return { from, to, type: f.type ?? null, doc: f.doc ?? null, country: f.country ?? null, tz };
  });
export type OverviewFilters = z.output<typeof OverviewFilters>;

export function addDays(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / DAY_MS) + 1;
}

/** The range as instants: the start of `from` and the start of the day after `to`, in the filters' zone. */
export function rangeOf(filters: Pick<OverviewFilters, "from" | "to" | "tz">): { start: Date; end: Date } {
  return { start: dayStartIn(filters.from, filters.tz), end: dayEndIn(filters.to, filters.tz) };
}

/** The filters as they go into the URL: no empty values, and no zone (the viewer's own, on every request). */
export function filtersRecord(filters: OverviewFilters): Record<string, string> {
  const { tz: _zone, ...rest } = filters;
  return Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
