import "server-only";
import { getTranslations } from "next-intl/server";
import { DeskError, InvalidInput } from "@/lib/errors";
import type { ExplainFailure } from "@/lib/server/action-result";
import type { StaffRole } from "@/lib/auth/permissions";
import { INBOX_STATES } from "@/lib/webhooks/list-inbox";

/** The refusals the admin pages' verbs make on purpose, by their code (lib/errors.ts): each a message of `Admin.errors`. */
const CODES = ["signInFirst", "roleMayNot", "emailTaken", "lastAdmin", "noStaffUser", "noHoldTarget", "syncRunning", "syncNotRunning", "noSync", "inboxRowMissing", "inboxRowNotDead"] as const;
/** The fields people type on these pages; any other refused field is one the page filled in, so the form itself is broken. */
const TYPED_FIELDS = ["email", "name", "role", "password"] as const;
const ROLES: readonly StaffRole[] = ["support", "compliance", "admin"];

const known = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((v) => v === value);

/**
 * How the admin pages' forms say that something failed, in the viewer's language: a refusal by its code, a
 * refused field by what to type instead, an unexpected failure by its reference (logged by answerFor). The
 * desk's codes in them (a role, an inbox state) are written as the pages write them.
 */
export async function explainAdminFailure(): Promise<ExplainFailure> {
  const [t, roles, states] = await Promise.all([getTranslations("Admin.errors"), getTranslations("Desk.roles"), getTranslations("Inbox.states")]);
  return (error, answer) => {
    if (answer.ref) return t("unexpected", { ref: answer.ref });
    if (!(error instanceof DeskError)) return answer.message;
    const code = known(CODES, error.code);
    if (code) {
      const role = known(ROLES, error.values?.role);
      const state = known(INBOX_STATES, error.values?.state);
      return t(code, { ...error.values, ...(role && { role: roles(role) }), ...(state && { state: states(state) }) });
    }
    if (error instanceof InvalidInput) {
      const typed = error.fields.map((field) => known(TYPED_FIELDS, field));
      if (typed.length > 0 && typed.every(Boolean)) return typed.map((field) => t(`fields.${field!}`)).join(" ");
      return t("unreadable");
    }
    // A refusal these pages have no words for yet: the verb's own.
    return answer.message;
  };
}
