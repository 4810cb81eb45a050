import { parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { parseAsIsoDay, type Expected } from "@/components/ignored-search-params";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/lists/list-values";
import { LOOKUP_KINDS } from "@/lib/processes/parse-lookup";

/**
 * The URL parameters every list has: the look-up box (`q`, read as `by`), a day range, its sorts, a page
 * size and the keyset cursor (opaque; every filter or sort change clears it). `nuqs/server` carries no
 * "use client" and no server-only code: a list's `search-params.ts` built on this serves the server page
 * (loader) and the client filters and table alike.
 */
export function listSearchParams<S extends string>(sorts: readonly S[], defaultSort: NoInfer<S>) {
  return {
    q: parseAsString.withDefault(""),
    by: parseAsStringLiteral(LOOKUP_KINDS).withDefault("auto"),
    from: parseAsIsoDay,
    to: parseAsIsoDay,
    sort: parseAsStringLiteral(sorts).withDefault(defaultSort),
    size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
    cursor: parseAsString,
  };
}

/** What each of those parameters takes, for the page's "Ignored in the address" note. */
export function listExpected(sorts: readonly string[]): Record<"by" | "from" | "to" | "sort" | "size", Expected> {
  return {
    by: { kind: "oneOf", choices: LOOKUP_KINDS },
    from: { kind: "day" },
    to: { kind: "day" },
    sort: { kind: "oneOf", choices: sorts },
    size: { kind: "oneOf", choices: PAGE_SIZES },
  };
}
