import type { AssignmentFilter } from "./list-values";

/**
 * What a view of a list asks for, one phrase per filter: a message under `Filters` (the key) and its values,
 * said in the page's language by components/list-kit/filter-words.ts. Assure's values (statuses, failReason
 * types, country codes) and Onfido's finding paths stay as they are; days are ISO days, written in the page's
 * date format. Zod-free: the lists' client code reads these types too.
 */
export interface DaysPhrase {
  key: "days";
  /** Which time the days are of: a process's creation or last update, a dossier's last activity. */
  field: "created" | "updated" | "activity";
  from: string | null;
  to: string | null;
}

export type FilterPhrase =
  | { key: "assigned"; assigned: AssignmentFilter }
  | { key: "status"; statuses: readonly string[] }
  | { key: "processType"; type: string }
  | { key: "documentType"; doc: string }
  | { key: "country"; country: string }
  | { key: "failedFor"; reason: string }
  | { key: "flagged"; finding: string }
  | { key: "linked" }
  | DaysPhrase;
