import "server-only";
import { getTranslations } from "next-intl/server";
import { DeskError } from "@/lib/errors";
import { inEnglish, type ExplainFailure } from "@/lib/server/action-result";

type Lookup = { (code: string, values?: Record<string, string | number>): string; has(code: string): boolean };
const dossierErrors = async () => (await getTranslations("Dossier.errors")) as unknown as Lookup;
const processErrors = async () => (await getTranslations("ProcessPage.errors")) as unknown as Lookup;

/**
 * What the dossier's and the process's forms say of a failure, in the viewer's language: the codes their
 * verbs throw (a DeskError's `code` and `values`, lib/errors.ts), as messages of `Dossier.errors` or
 * `ProcessPage.errors`, and `unexpected` with the reference of anything else. A code without a message
 * is said in the verb's English.
 */
export function failureWords(namespace: "Dossier.errors" | "ProcessPage.errors"): ExplainFailure {
  return async (error, answer) => {
    // The codes come from the verbs, not from this file: looked up at run time, checked by failure-words.test.ts.
    const t: Lookup = namespace === "Dossier.errors" ? await dossierErrors() : await processErrors();
    if (answer.ref) return t.has("unexpected") ? t("unexpected", { ref: answer.ref }) : inEnglish(answer);
    if (error instanceof DeskError && error.code && t.has(error.code)) return t(error.code, error.values);
    return inEnglish(answer);
  };
}
