import { DOCUMENT_TYPES } from "../assure/values";

/**
 * What a view of the queue or the dossier list may ask for, without zod: the URL parsers and filters in
 * the browser import these lists, and the server's validation (list-query.ts and the two list queries)
 * reads the same ones, so there is one list of sorts, sizes and filter values.
 */

export const PROCESS_SORTS = ["updated.desc", "updated.asc", "created.desc", "created.asc"] as const;
export type ProcessSort = (typeof PROCESS_SORTS)[number];

export const DOSSIER_SORTS = ["activity.desc", "activity.asc", "first-seen.desc", "first-seen.asc"] as const;
export type DossierSort = (typeof DOSSIER_SORTS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** Which of Assure's timestamps the date range applies to. */
export const DATE_FIELDS = ["updated", "created"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/**
 * The review filters (compliance only): "mine" is what the signed-in officer has taken and not yet
 * decided; "decided" is their work with a final decision; "unassigned" is open review work nobody has
 * taken (lib/processes/assignment-filter.ts says exactly what each is).
 */
export const ASSIGNMENT_FILTERS = ["mine", "decided", "unassigned"] as const;
export type AssignmentFilter = (typeof ASSIGNMENT_FILTERS)[number];

/** Document types Assure reports, including `unknown` for an Onfido type it does not map. */
export const LISTED_DOCUMENT_TYPES = [...DOCUMENT_TYPES, "unknown"] as const;

/** A failReason type as Assure sends it (PROVIDER_ERROR, consentDenied). */
export const FAIL_REASON_PATTERN = /^[A-Za-z0-9_.-]{1,80}$/;

/** A finding path: a report, a breakdown, a sub-breakdown (lib/findings/extract-findings.ts). */
export const FINDING_PATH_PATTERN = /^[a-z][a-z0-9_]{0,63}(\.[a-z][a-z0-9_]{0,63}){0,2}$/;
