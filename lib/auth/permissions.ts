import type { STAFF_ROLES } from "../../db/staff-schema";

export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * The permission matrix: the one place that says who may do what. The README shows it as a table
 * (keep both in step: lib/auth/permissions.test.ts compares them). Pages, route handlers, server actions
 * and service verbs all ask `can(role, capability)`; hiding a button is a courtesy, this is the guard.
 */
export const PERMISSIONS = {
  /** Look up; lists; status, finalResult, providerSpecific. */
  "processes.read": ["support", "compliance", "admin"],
  /** A whole list (the queue, the dossiers) as a CSV file: a bulk file of personal data, so not support's. */
  "lists.export": ["compliance", "admin"],
  /** Full result: sub-breakdowns, images, raw files, zip download. */
  "results.read": ["compliance", "admin"],
  "notes.write": ["support", "compliance", "admin"],
  /** The outcome of a review: decision, reason category, time, assignee; never the officer's note. */
  "reviews.read": ["support", "compliance", "admin"],
  /** Review decisions (with their notes) and assignment. */
  "reviews.write": ["compliance"],
  /** Retry and bulk retry of failed processes. */
  "retries.write": ["admin"],
  /** Webhook inbox, replay, sync; staff users. */
  "desk.admin": ["admin"],
  "audit.read": ["compliance", "admin"],
  /** The overview (/overview): outcomes, findings, turnaround, retries and intake as charts, and their CSV. */
  "oversight.read": ["compliance", "admin"],
  /** Erase a dossier's personal data on request. */
  "data.erase": ["compliance", "admin"],
  /** Place and lift a legal hold. */
  "data.hold": ["compliance"],
  /** What matched between linked dossiers (support sees only that a link exists and the other dossier's id). */
  "identity.matches": ["compliance", "admin"],
  /**
   * The evidence pack: a dossier's PDF of what was verified and decided, review notes included (for admin
   * too, who reads them nowhere else: on the pages notes stay with `reviews.write`).
   */
  "evidence.read": ["compliance", "admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Capability = keyof typeof PERMISSIONS;

export const CAPABILITY_LABELS: Record<Capability, string> = {
  "processes.read": "look up; lists; status, `finalResult`, `providerSpecific`",
  "lists.export": "export a list (queue, dossiers) as a CSV file",
  "results.read": "full result: sub-breakdowns, images, raw files, zip download",
  "notes.write": "notes on a dossier",
  "reviews.read": "review outcome: decision, reason category, time, assignee",
  "reviews.write": "review decisions with their notes, and assignment",
  "retries.write": "retry and bulk retry of failed processes",
  "desk.admin": "webhook inbox, replay, sync; staff users",
  "audit.read": "audit log",
  "oversight.read": "overview: charts of outcomes, findings, turnaround, retries, intake; their CSV",
  "data.erase": "erase a dossier's personal data on request",
  "data.hold": "legal hold on a dossier",
  "identity.matches": "linked dossiers: what matched (everyone sees that a link exists)",
  "evidence.read": "evidence pack (PDF) of a dossier, review notes included",
};

export function can(role: StaffRole | null | undefined, capability: Capability): boolean {
  return role != null && (PERMISSIONS[capability] as readonly StaffRole[]).includes(role);
}
