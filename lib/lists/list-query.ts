import { z } from "zod";
import { LOOKUP_KINDS } from "../processes/parse-lookup";
import type { DaysPhrase, FilterPhrase } from "./filter-phrases";
import { DEFAULT_PAGE_SIZE } from "./list-values";

/** The parts every list's server-side validation shares: the look-up box, a day range, sort and page. */

const isoDay = z.iso.date({ error: "dates are YYYY-MM-DD" });

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The look-up box and a day range; each list adds its own filters. */
export const lookupAndDays = {
  q: z.string().trim().max(200).nullish(),
  by: z.enum(LOOKUP_KINDS).nullish(),
  from: isoDay.nullish(),
  to: isoDay.nullish(),
  /** The viewer's time zone: `from` and `to` are days there. Unset: UTC. */
  tz: z.string().max(64).refine(isKnownZone, "not a time zone").nullish(),
};

/** A list's filters: refuses a day range that ends before it starts. */
export function listFilters<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ ...lookupAndDays, ...shape })
    .refine((f) => endsAfterStart(f as DayRange), { message: "the date range ends before it starts", path: ["to"] });
}

interface DayRange {
  from?: string | null;
  to?: string | null;
}

const endsAfterStart = ({ from, to }: DayRange) => !from || !to || from <= to;

/** A page of a list: one of its sorts, a page size and an opaque keyset cursor (beside its filters). */
export function pageOf<const Sorts extends readonly [string, ...string[]]>(sorts: Sorts, defaultSort: Sorts[number]) {
  return {
    sort: z.enum(sorts).default(defaultSort as never),
    limit: z.coerce.number().int().min(1).max(200).default(DEFAULT_PAGE_SIZE),
    /** From a previous page's `nextCursor` or `prevCursor`. */
    cursor: z.string().max(400).nullish(),
  };
}
/** A day range as a phrase, for the empty state and the "showing … where" line; none without days. */
export function describeDays(field: DaysPhrase["field"], from: string | null | undefined, to: string | null | undefined): FilterPhrase[] {
  return from || to ? [{ key: "days", field, from: from ?? null, to: to ?? null }] : [];
}
