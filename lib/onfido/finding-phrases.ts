import { EXPLAINED_PATHS, type CheckName } from "./breakdown-explanations";
import type { Phrase, PhraseArg } from "./phrase";

/**
 * What a flagged finding is called in the status explanation, as phrases (lib/onfido/phrase.ts) under the
 * `StatusExplanation` messages: `check.<name>` names one of Onfido's checks in the page's language ("image
 * integrity", "bildeintegritet"), `finding.*` puts a name beside its result, reasons and score, and `join.*`
 * lists phrases as the language does. Onfido's values (`consider`, the reasons' keys, Assure's `low`) are
 * arguments and stay as they are; a check the desk does not know is named as Onfido sent it.
 */

export type FindingKey =
  | `check.${CheckName}`
  | `finding.${"check" | "checkReasons" | "checkScore" | "checkReasonsScore" | "checkNotPerformed" | "checkWithSubs" | "subReasons" | "subOf"}`
  | `finding.${"summaryOne" | "summaryMany" | "faceMatchScore" | "similarity"}`
  | `join.${"list" | "semicolon" | "and"}`;

export type FindingPhrase = Phrase<FindingKey>;
export type FindingArg = PhraseArg<FindingKey>;

export const findingPhrase = (key: FindingKey, values?: Record<string, FindingArg>): FindingPhrase => (values ? { key, values } : { key });

/** Every check the desk has a name for: the breakdowns and sub-breakdowns it explains (breakdown-explanations.ts). */
export const NAMED_CHECKS: ReadonlySet<string> = new Set(Object.values(EXPLAINED_PATHS).flatMap((paths) => paths.map((path) => path.split(".").at(-1)!)));
const isNamed = (name: string): name is CheckName => NAMED_CHECKS.has(name);

/** Assure's flattened names (`imageIntegrity`) are Onfido's (`image_integrity`) in camelCase. */
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** One of Onfido's checks by its key (`image_integrity`, Assure's `imageIntegrity`): its name, or the key as sent. */
export function checkName(key: string): FindingArg {
  const name = snakeCase(key);
  return isNamed(name) ? findingPhrase(`check.${name}`) : key;
}

/** Items one after the other: `a, b, c` (`join.list`) or `a; b; c` (`join.semicolon`); nothing for none. */
export function joinPhrases(items: readonly FindingArg[], key: "join.list" | "join.semicolon" = "join.list"): FindingArg {
  if (items.length === 0) return "";
  return items.slice(1).reduce<FindingArg>((head, next) => findingPhrase(key, { head, next }), items[0]!);
}

/** Items as prose: `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly FindingArg[]): FindingArg {
  if (items.length <= 1) return items[0] ?? "";
  return findingPhrase("join.and", { head: joinPhrases(items.slice(0, -1)), last: items.at(-1)! });
}
