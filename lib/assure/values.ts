import { PROCESS_STATUSES } from "../../db/enums";

/**
 * Assure's value lists without zod: the queue's filters and URL parsers run in the browser and import
 * these, so that no schema library reaches the client bundle. `schemas.ts` builds its zod readings from them.
 */
export { PROCESS_STATUSES };
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export const PROCESS_TYPES = ["document", "documentSelfie", "documentVideo"] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];

export const DOCUMENT_TYPES = ["passport", "identityCard", "driverLicense", "residencePermit"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
