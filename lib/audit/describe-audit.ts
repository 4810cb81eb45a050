import { REASON_CATEGORIES } from "../reviews/review-decisions";

/**
 * An audit entry as a sentence a person reads ("Rejected with reason Document expired"), in the viewer's
 * language: a message of the `AuditSentences` namespace, whose key is the action (`review.decide`), and the
 * values it fills. Counts stay numbers (the message writes them in its language, with the right plural);
 * choices are codes the message selects on (`decision: "approve"`); what staff typed (a reason, a view's
 * name) and the desk's machine values (a role, a slug, an error) stay as they are. The entry's raw details
 * stay beside it for whoever needs them; an action this list does not know yet is named by its code, so a
 * new action is never hidden.
 */
type Details = Record<string, unknown>;
type Values = Record<string, string | number>;

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null);
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);
/** A yes or no for a message's `select`. */
const yes = (value: unknown): "yes" | "no" => (value ? "yes" : "no");
/** An optional text, as the message needs it: whether there is one, and the text (empty when not). */
const optional = <Name extends string>(name: Name, value: unknown) =>
  ({ [`${name}Given`]: yes(text(value)), [name]: text(value) ?? "" }) as Record<`${Name}Given`, "yes" | "no"> & Record<Name, string>;
const list = (value: unknown): "dossiers" | "processes" => (value === "dossiers" ? "dossiers" : "processes");
/** How an export ended; a missing outcome is an export from before outcomes were recorded, which completed. */
const outcome = (value: unknown): string => text(value) ?? "complete";
/** A number of days, or "?" when the entry has none (the message selects on `daysKnown`). */
const days = (value: unknown) => ({ daysKnown: yes(typeof value === "number"), days: count(value) });

const SENTENCES = {
  "auth.sign_in": (d) => ({ via: d.created ? "created" : d.via === "sso" ? "sso" : "password" }),
  "auth.sign_in_failed": (d) => optional("reason", d.reason),
  "auth.sign_in_refused": (d) => ({
    kind: d.reason === "throttled" ? "throttled" : text(d.reason) ? "reason" : "none",
    seconds: count(d.retryAfterSeconds),
    reason: text(d.reason) ?? "",
  }),
  "auth.sign_out": () => ({}),
  "auth.throttle_cleared": (d) => ({ ...optional("who", text(d.email) ?? text(d.address)), counters: count(d.counters) }),
  "staff.create": (d) => ({ role: text(d.role) ?? "", email: text(d.email) ?? "", demo: yes(d.demo) }),
  "staff.update": (d) => ({ email: text(d.email) ?? "" }),
  "staff.reset_password": (d) => optional("email", d.email),
  "staff.sso": (d) => ({ allowed: yes(d.to), ...optional("email", d.email) }),
  "review.decide": (d) => ({
    decision: d.decision === "approve" ? "approve" : d.decision === "reject" ? "reject" : "other",
    // A category code; renderAuditSentence puts its label in the viewer's language in its place.
    ...optional("reason", d.reasonCategory),
    awaiting: yes(d.state === "awaiting_confirmation"),
  }),
  "review.confirm": (d) => ({ decision: d.decision === "approve" ? "approve" : "reject" }),
  "review.send_back": (d) => ({ decision: d.decision === "approve" ? "approve" : "reject" }),
  "review.assign": () => ({}),
  "review.unassign": () => ({}),
  "note.add": (d) => ({ length: count(d.length) }),
  "process.retry": (d) => ({ attempt: text(d.attempt) ?? "?" }),
  "process.retry_resume": () => ({}),
  "process.retry_cancel": (d) => ({ deleted: yes(d.deletedAtAssure) }),
  "inbox.replay": (d) => ({ attempts: count(d.previousAttempts) }),
  "sync.start": () => ({}),
  "sync.cancel": () => ({}),
  "result.download": () => ({}),
  "result.view_media": (d) => optional("slug", d.slug),
  "processes.export_start": () => ({}),
  "processes.export": (d) => ({ rows: count(d.rows), outcome: outcome(d.outcome) }),
  "dossiers.export_start": () => ({}),
  "dossiers.export": (d) => ({ rows: count(d.rows), outcome: outcome(d.outcome) }),
  "overview.export": (d) => ({ ...optional("chart", d.chart), rows: count(d.rows) }),
  "saved_view.share": (d) => ({ created: yes(d.created), list: list(d.list), name: text(d.name) ?? "" }),
  "saved_view.unshare": (d) => ({ list: list(d.list), name: text(d.name) ?? "" }),
  "saved_view.update": (d) => ({ renamed: yes(text(d.previousName)), previousName: text(d.previousName) ?? "", name: text(d.name) ?? "" }),
  "saved_view.delete": (d) => ({ list: list(d.list), name: text(d.name) ?? "" }),
  "evidence.generate": (d) => ({ processes: count(d.processes), zips: count(d.zips) }),
  "audit.export": (d) => ({ rows: count(d.rows) }),
  "retention.dry_run": (d) => ({ ...days(d.days), processes: count(d.processes) }),
  "retention.run": (d) => ({ ...days(d.days), processes: count(d.processes), dossiers: count(d.dossiers), zips: count(d.zips) }),
  "dossier.hold": (d) => optional("reason", d.reason),
  "dossier.hold_lifted": (d) => optional("reason", d.reason),
  "dossier.erase_requested": (d) => optional("reason", d.reason),
  "dossier.erase_withdrawn": () => ({}),
  "dossier.erase": (d) => ({ ...optional("reason", d.reason), processes: count(d.processes), zips: count(d.zips) }),
  "dossier.erase_assure": (d) => ({
    outcome: d.outcome === "deleted" ? "deleted" : d.outcome === "already-gone" ? "gone" : "failed",
    attempts: text(d.attempts) ?? "?",
    ...optional("error", d.error),
  }),
} satisfies Record<string, (details: Details) => Values>;

/** The actions the audit log has a sentence for; each is a key of the `AuditSentences` messages. */
export type AuditSentenceKey = keyof typeof SENTENCES;

/** An entry's sentence: a message key and its values, or (for an action without a sentence) the action's code. */
export type AuditSentence =
  | { [Key in AuditSentenceKey]: { key: Key; values: ReturnType<(typeof SENTENCES)[Key]> } }[AuditSentenceKey]
  | { key: null; action: string };

export function describeAuditEntry(action: string, details: Details): AuditSentence {
  if (!hasAuditSentence(action)) return { key: null, action };
  return { key: action, values: SENTENCES[action](details) } as AuditSentence;
}

/** Whether this action has a sentence (tests check that every action the code records has one). */
export function hasAuditSentence(action: string): action is AuditSentenceKey {
  return Object.hasOwn(SENTENCES, action);
}

type ReasonCategory = keyof typeof REASON_CATEGORIES;

/**
 * What renderAuditSentence needs of next-intl: the `AuditSentences` namespace's translator (from
 * getTranslations or createTranslator). Typed by key, so that the type check fails when a sentence or a
 * reason category has no message in English (and i18n/messages.test.ts when another language lacks one).
 */
export type AuditSentenceTranslator = (key: AuditSentenceKey | `reasonCategory.${ReasonCategory}`, values?: Values) => string;

/** The sentence in the translator's language; a decision's reason category is written as its label there. */
export function renderAuditSentence(sentence: AuditSentence, t: AuditSentenceTranslator): string {
  if (sentence.key === null) return sentence.action;
  if (sentence.key === "review.decide") {
    const { reason } = sentence.values;
    return t(sentence.key, { ...sentence.values, reason: Object.hasOwn(REASON_CATEGORIES, reason) ? t(`reasonCategory.${reason as ReasonCategory}`) : reason });
  }
  return t(sentence.key, sentence.values);
}
