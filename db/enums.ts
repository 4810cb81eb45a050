/**
 * Value lists the database owns, as plain constants: `schema.ts` makes its enums from them and `lib/` derives
 * its types and zod readings from them, so each list has one home. No drizzle import here: client code
 * (the queue's filters) reaches this file through `lib/assure/schemas.ts`.
 */

/** Assure's process statuses (lib/assure/README.md "The process object"); `process_status` in the database. */
export const PROCESS_STATUSES = ["pending", "processing", "accepted", "rejected", "inconclusive", "canceled", "failed"] as const;

/** The lists a view can be saved of (`saved_views.list`): the queue (`/processes`) and the dossier list. */
export const SAVED_VIEW_LISTS = ["processes", "dossiers"] as const;
