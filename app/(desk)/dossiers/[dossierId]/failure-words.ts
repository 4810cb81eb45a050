import "server-only";
import { getTranslations } from "next-intl/server";
import type { FailureWords } from "@/lib/server/action-result";

type Lookup = { (code: string, values?: Record<string, string | number>): string; has(code: string): boolean };
const dossierErrors = async () => (await getTranslations("Dossier.errors")) as unknown as Lookup;
const processErrors = async () => (await getTranslations("ProcessPage.errors")) as unknown as Lookup;

/**
 * What the dossier's and the process's forms say of a failure, in the viewer's language: the codes their
 * verbs throw (lib/errors.ts ErrorText), as messages of `Dossier.errors` or `ProcessPage.errors`.
 */
export function failureWords(namespace: "Dossier.errors" | "ProcessPage.errors"): () => Promise<FailureWords> {
  return async () => {
    // The codes come from the verbs, not from this file: looked up at run time, checked by failure-words.test.ts.
    const t: Lookup = namespace === "Dossier.errors" ? await dossierErrors() : await processErrors();
    return { has: (code) => t.has(code), say: (code, values) => t(code, values) };
  };
}
