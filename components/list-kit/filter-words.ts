import { fillMessage } from "@/components/fill-message";
import type { LabelMessages, Messages } from "@/components/labels";
import type { FilterPhrase } from "@/lib/lists/filter-phrases";
import type { LookupPhrase, LookupProblem } from "@/lib/processes/parse-lookup";
import { dayFormatOf, showDay } from "./local-day";

/**
 * A list's filters said in the page's language: the phrases lib/ describes a view with (lib/lists/filter-phrases.ts,
 * parse-lookup.ts) with the `Filters` messages, days in the page's date format, statuses joined as the language
 * joins alternatives. Plain code over messages handed down as props, so that the look-up box in the browser
 * says the same as the server's "Showing … where" line without a message formatter.
 */
export type FilterWords = Messages["Filters"];
/** What the look-up box needs to say how it reads what is typed. */
export type LookupWords = Pick<FilterWords, "lookup" | "problems">;

const day = (iso: string | null, locale: string) => (iso ? showDay(iso, dayFormatOf(locale)) : "");

export function sayLookup(phrase: LookupPhrase, words: LookupWords, locale: string): string {
  const { key, ...values } = phrase;
  return fillMessage(words.lookup[key], phrase.key === "dob" ? { date: day(phrase.date, locale) } : values);
}

export function sayLookupProblem(problem: LookupProblem, words: LookupWords): string {
  switch (problem.key) {
    case "nameTooShort":
      return fillMessage(words.problems.nameTooShort, { min: problem.min });
    case "prefixTooShort":
      return fillMessage(words.problems.prefixTooShort[problem.of], { min: problem.min });
    case "notARealDate":
      return fillMessage(words.problems.notARealDate, { text: problem.text });
    case "dateOfBirthFormat":
      return words.problems.dateOfBirthFormat;
  }
}

/** A label for one of Assure's values, or the value itself (a key the messages lack, `constructor` too). */
const labelOf = (labels: Record<string, string>, value: string) => (Object.hasOwn(labels, value) ? labels[value]! : value);

export function sayFilter(phrase: FilterPhrase, words: FilterWords, labels: LabelMessages, locale: string): string {
  switch (phrase.key) {
    case "assigned":
      return words.assigned[phrase.assigned];
    case "status":
      return fillMessage(words.status, { statuses: new Intl.ListFormat(locale, { type: "disjunction" }).format(phrase.statuses) });
    case "processType":
      return fillMessage(words.processType, { type: labelOf(labels.processType, phrase.type) });
    case "documentType":
      return fillMessage(words.documentType, { doc: labelOf(labels.documentType, phrase.doc) });
    case "country":
      return fillMessage(words.country, { country: phrase.country });
    case "failedFor":
      return fillMessage(words.failedFor, { reason: phrase.reason });
    case "flagged":
      return fillMessage(words.flagged, { finding: phrase.finding });
    case "linked":
      return words.linked;
    case "days": {
      const range = phrase.from && phrase.to ? "between" : phrase.from ? "from" : "to";
      return fillMessage(words.days[phrase.field][range], { from: day(phrase.from, locale), to: day(phrase.to, locale) });
    }
  }
}
