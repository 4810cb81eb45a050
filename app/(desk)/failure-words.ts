import "server-only";
import { getTimeZone, getTranslations } from "next-intl/server";
import { timeText } from "@/components/time-text";
import { getFormatLocale } from "@/i18n/format-locale";
import { DeskError, type DeskErrorOptions, type InputProblem } from "@/lib/errors";
import { inEnglish, type ExplainFailure } from "@/lib/server/action-result";
import { inputProblemWords } from "./input-problem-words";

type Values = Record<string, string | number>;
type Lookup = { (code: string, values?: Values): string; has(code: string): boolean };
/** The forms' namespaces of refusals, each with `unexpected` and the codes of its verbs (failure-words.test.ts). */
type Namespace = "Dossier.errors" | "ProcessPage.errors" | "SavedViews.errors";
// The codes come from the verbs, not from this file: looked up at run time, checked by failure-words.test.ts.
const lookup = async (namespace: Namespace) => (await getTranslations(namespace)) as unknown as Lookup;

/** A refusal as a verb made it (a DeskError, or a bulk retry's row): its code, values and, for invalid input, its problems. */
export interface Refusal {
  code?: string;
  values?: DeskErrorOptions["values"];
  problems?: readonly InputProblem[];
}

/**
 * A refusal in the viewer's language, or null when the namespace has no words for its code: the instants
 * among its values in the viewer's zone and format (as components/local-time.tsx writes them), and the
 * problems of an invalid input named by field (input-problem-words.ts) rather than in zod's English.
 */
export async function refusalWords(namespace: Namespace): Promise<(refusal: Refusal) => string | null> {
  const [t, locale, timeZone, problems] = await Promise.all([lookup(namespace), getFormatLocale(), getTimeZone(), inputProblemWords()]);
  return ({ code, values, problems: found }) => {
    if (!code || !t.has(code)) return null;
    const said: Values = {};
    for (const [name, value] of Object.entries(values ?? {})) said[name] = value instanceof Date ? timeText(value, "dateTime", { locale, timeZone }) : value;
    if (found && found.length > 0) said.issues = problems(found);
    return t(code, said);
  };
}

/**
 * What the dossier's, the process's and the saved views' forms say of a failure, in the viewer's language: the
 * codes their verbs throw (a DeskError's `code` and `values`, lib/errors.ts), as messages of `Dossier.errors`,
 * `ProcessPage.errors` or `SavedViews.errors`, and `unexpected` with the reference of anything else. A code without a message
 * is said in the verb's English.
 */
export function failureWords(namespace: Namespace): ExplainFailure {
  return async (error, answer) => {
    const t = await lookup(namespace);
    if (answer.ref) return t.has("unexpected") ? t("unexpected", { ref: answer.ref }) : inEnglish(answer);
    const said = error instanceof DeskError ? (await refusalWords(namespace))(error) : null;
    return said ?? inEnglish(answer);
  };
}
