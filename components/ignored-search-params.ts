import { createParser } from "nuqs/server";

/**
 * The lists' URLs are links people share and edit by hand. A value a list does not know (`?assigned=me`,
 * `?status=bogus`, `?from=2024-13-45`) is left out of the view, and the page says which ones were: the
 * same for every parameter, instead of some errors and some silence. Pure: both list pages use it.
 */

/**
 * What a parameter takes, without words: one of some values (the desk's and Assure's codes, shown as they
 * are), a calendar day, a country code, or true or false. The page says it in the viewer's language
 * (`Lists.expected`); an export's 400 answer in English (`expectedInEnglish`).
 */
export type Expected =
  | { kind: "oneOf" | "statuses"; choices: readonly (string | number)[] }
  | { kind: "day" | "country" | "boolean" };

export function expectedInEnglish(expected: Expected): string {
  switch (expected.kind) {
    case "oneOf":
      return `one of ${expected.choices.join(", ")}`;
    case "statuses":
      return `statuses are ${expected.choices.join(", ")}`;
    case "day":
      return "a date, YYYY-MM-DD";
    case "country":
      return "an ISO 3166 alpha-3 code such as PRT";
    case "boolean":
      return "true or false";
  }
}

export interface IgnoredParam {
  key: string;
  value: string;
  /** What the parameter takes, when the page has words for it. */
  expected?: Expected;
}

/** What this needs of a nuqs parser: reading one URL value, without its default. */
interface UrlValueParser {
  parse: (value: string) => unknown;
  serialize: (value: never) => string;
}

/** Long values are cut: the note names the value, it does not need all of it. */
const MAX_SHOWN = 40;
const shown = (value: string) => (value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);

export function findIgnoredParams(
  parsers: Record<string, UrlValueParser>,
  raw: Record<string, string | string[] | undefined>,
  expected: Partial<Record<string, Expected>> = {},
): IgnoredParam[] {
  const ignored: IgnoredParam[] = [];
  for (const [key, parser] of Object.entries(parsers)) {
    const given = raw[key];
    // The lists read the first of repeated keys, as nuqs does.
    const value = Array.isArray(given) ? given[0] : given;
    if (value === undefined || value === "") continue;
    const parsed = parser.parse(value);
    if (parsed === null) {
      ignored.push({ key, value: shown(value), expected: expected[key] });
    } else if (Array.isArray(parsed)) {
      // A list keeps the items it knows and drops the others.
      const kept = new Set((parser.serialize as (v: unknown) => string)(parsed).split(","));
      for (const item of value.split(",")) if (item !== "" && !kept.has(item)) ignored.push({ key, value: shown(item), expected: expected[key] });
    }
  }
  return ignored;
}

/** A calendar day, `YYYY-MM-DD`, that exists (no 2024-02-30). */
export const parseAsIsoDay = createParser({
  parse: (value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) ? value : null;
  },
  serialize: (value: string) => value,
});

/** An ISO 3166 alpha-3 country code, in capitals. */
export const parseAsCountryCode = createParser({
  parse: (value: string) => (/^[A-Za-z]{3}$/.test(value.trim()) ? value.trim().toUpperCase() : null),
  serialize: (value: string) => value,
});
