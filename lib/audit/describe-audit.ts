import { REASON_CATEGORIES } from "../reviews/review-decisions";

/**
 * An audit entry as a sentence a person reads ("Rejected with reason Document expired"). The entry's raw
 * details stay beside it for whoever needs them; an action this list does not know yet is named by its
 * code, so a new action is never hidden.
 */
type Details = Record<string, unknown>;
type Describe = (details: Details) => string;

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null);
const count = (value: unknown, one: string, many = `${one}s`): string => {
  const n = typeof value === "number" ? value : 0;
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
};
const reason = (details: Details): string => {
  const category = text(details.reasonCategory);
  return category ? (REASON_CATEGORIES[category as keyof typeof REASON_CATEGORIES] ?? category) : "";
};
const decisionVerb = (details: Details): string => (details.decision === "approve" ? "Approved" : details.decision === "reject" ? "Rejected" : "Decided");
const listName = (list: unknown): string => (list === "dossiers" ? "dossier list" : "queue");
const withReason = (prefix: string, value: unknown): string => (text(value) ? `${prefix}: ${text(value)}` : prefix);

const SENTENCES: Record<string, Describe> = {
  "auth.sign_in": (d) => (d.created ? "Signed in through SSO for the first time (account created)" : d.via === "sso" ? "Signed in through SSO" : "Signed in"),
  "auth.sign_in_failed": (d) => withReason("Sign-in failed", d.reason),
  "auth.sign_in_refused": (d) => (d.reason === "throttled" ? `Sign-in refused: too many failures (retry after ${count(d.retryAfterSeconds, "second")})` : withReason("Sign-in refused", d.reason)),
  "auth.sign_out": () => "Signed out",
  "auth.throttle_cleared": (d) => `Cleared the sign-in hold on ${text(d.email) ?? text(d.address) ?? "an account"} (${count(d.counters, "counter")})`,
  "staff.create": (d) => `Created the ${text(d.role) ?? ""} account ${text(d.email) ?? ""}${d.demo ? " (demo)" : ""}`.replace(/\s+/g, " "),
  "staff.update": (d) => `Changed the account ${text(d.email) ?? ""}`.trim(),
  "staff.reset_password": (d) => `Reset the password of ${text(d.email) ?? "an account"}`,
  "staff.sso": (d) => `${d.to ? "Allowed" : "Disallowed"} SSO for ${text(d.email) ?? "an account"}`,
  "review.decide": (d) => `${decisionVerb(d)}${reason(d) ? ` with reason ${reason(d)}` : ""}${d.state === "awaiting_confirmation" ? " (awaiting a second officer)" : ""}`,
  "review.confirm": (d) => `Confirmed the decision to ${d.decision === "approve" ? "approve" : "reject"}`,
  "review.send_back": (d) => `Sent back the decision to ${d.decision === "approve" ? "approve" : "reject"}`,
  "review.assign": () => "Assigned the review",
  "review.unassign": () => "Removed the review's assignee",
  "note.add": (d) => `Added a note (${count(d.length, "character")})`,
  "process.retry": (d) => `Retried the process (attempt ${text(d.attempt) ?? "?"})`,
  "process.retry_resume": () => "Resumed an interrupted retry",
  "process.retry_cancel": (d) => `Cancelled a retry${d.deletedAtAssure ? " and deleted its process at Assure" : ""}`,
  "inbox.replay": (d) => `Replayed a webhook notification (after ${count(d.previousAttempts, "attempt")})`,
  "sync.start": () => "Started a full sync",
  "sync.cancel": () => "Cancelled a full sync",
  "result.download": () => "Downloaded the full-result zip",
  "result.view_media": (d) => withReason("Viewed an image of the full result", d.slug),
  "processes.export_start": () => "Started exporting the queue as CSV",
  "processes.export": (d) => `Exported the queue as CSV (${count(d.rows, "row")}${d.outcome && d.outcome !== "complete" ? `, ${String(d.outcome)}` : ""})`,
  "dossiers.export_start": () => "Started exporting the dossier list as CSV",
  "dossiers.export": (d) => `Exported the dossier list as CSV (${count(d.rows, "row")}${d.outcome && d.outcome !== "complete" ? `, ${String(d.outcome)}` : ""})`,
  "overview.export": (d) => `Exported the overview's ${text(d.chart) ?? "chart"} table as CSV (${count(d.rows, "row")})`,
  "saved_view.share": (d) => `${d.created ? "Saved and shared" : "Shared"} the ${listName(d.list)} view “${text(d.name) ?? ""}” with the team`,
  "saved_view.unshare": (d) => `Stopped sharing the ${listName(d.list)} view “${text(d.name) ?? ""}”`,
  "saved_view.update": (d) => (text(d.previousName) ? `Renamed the shared view “${text(d.previousName)}” to “${text(d.name) ?? ""}”` : `Changed the filters of the shared view “${text(d.name) ?? ""}”`),
  "saved_view.delete": (d) => `Deleted the shared ${listName(d.list)} view “${text(d.name) ?? ""}”`,
  "evidence.generate": (d) => `Generated the evidence pack (${count(d.processes, "process", "processes")}, ${count(d.zips, "zip")})`,
  "audit.export": (d) => `Exported the audit log (${count(d.rows, "row")})`,
  "retention.dry_run": (d) => `Retention dry run (${text(d.days) ?? "?"} days): ${count(d.processes, "process", "processes")} would be purged`,
  "retention.run": (d) => `Retention (${text(d.days) ?? "?"} days) purged ${count(d.processes, "process", "processes")} in ${count(d.dossiers, "dossier")}, ${count(d.zips, "zip")}`,
  "dossier.hold": (d) => withReason("Placed a legal hold", d.reason),
  "dossier.hold_lifted": (d) => withReason("Lifted the legal hold", d.reason),
  "dossier.erase_requested": (d) => withReason("Asked to erase the dossier (awaiting a second person)", d.reason),
  "dossier.erase_withdrawn": () => "Withdrew the request to erase the dossier",
  "dossier.erase": (d) => `${withReason("Erased the dossier", d.reason)} (${count(d.processes, "process", "processes")}, ${count(d.zips, "zip")})`,
  "dossier.erase_assure": (d) => (d.outcome === "deleted" ? "Assure deleted the dossier" : d.outcome === "already-gone" ? "Assure no longer had the dossier (done)" : withReason(`Deleting the dossier at Assure failed (attempt ${text(d.attempts) ?? "?"})`, d.error)),
};

export function describeAuditEntry(action: string, details: Details): string {
  const describe = SENTENCES[action];
  return describe ? describe(details) : action;
}

/** Whether this action has a sentence (tests check that every action the code records has one). */
export function hasAuditSentence(action: string): boolean {
  return action in SENTENCES;
}
