import "server-only";
import { getTranslations } from "next-intl/server";
import type { InputProblem } from "@/lib/errors";

/** The fields people type in the desk's forms; any other refused field is one the page filled in. */
const TYPED_FIELDS = ["note", "body", "reason", "reasonCategory", "decision", "confirmation", "countryOfResidence", "documentType", "name"] as const;
type TypedField = (typeof TYPED_FIELDS)[number];
const isTyped = (field: string): field is TypedField => (TYPED_FIELDS as readonly string[]).includes(field);

/**
 * What was wrong with a form's input, in the viewer's language (`InputProblems`): each refused field by its
 * name with what to fix, from the problems parseInput found (lib/parse-input.ts) instead of zod's English.
 * A field the page filled in itself cannot be fixed by typing: that is said once, as a form to reload.
 */
export async function inputProblemWords(): Promise<(problems: readonly InputProblem[]) => string> {
  const t = await getTranslations("InputProblems");
  return (problems) => {
    const said = problems.map((problem) =>
      isTyped(problem.field) ? t(`problem.${problem.kind}`, { field: t(`field.${problem.field}`), limit: problem.limit ?? 0 }) : t("unreadable"),
    );
    return [...new Set(said)].join("; ") || t("unreadable");
  };
}
