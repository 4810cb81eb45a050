/** Request bodies of the control API. */
import { z } from "zod";
import { ASSURE_DOCUMENT_TYPES } from "../derive/mappings";
import { FINAL_STATUSES, PROCESS_TYPES } from "../scenarios/types";

const target = {
  notificationUrl: z.url({ protocol: /^https?$/ }).optional(),
  authorizationHeader: z.string().optional(),
  notificationForm: z.enum(["assure", "events"]).optional(),
};

const delayRange = z
  .union([z.number().int().min(0), z.object({ min: z.number().int().min(0), max: z.number().int().min(0) })])
  .transform((d) => (typeof d === "number" ? { min: d, max: d } : d))
  .refine((d) => d.min <= d.max, "min must not exceed max");

export const RunSchema = z.object({
  scenario: z.string().min(1),
  processType: z.enum(PROCESS_TYPES).optional(),
  documentType: z.enum(ASSURE_DOCUMENT_TYPES).optional(),
  countryOfResidence: z.string().regex(/^[A-Z]{3}$/, "must be ISO 3166 alpha-3").optional(),
  /** An existing dossier to add the process to; a new one otherwise. */
  dossierId: z.string().optional(),
  seed: z.number().int().optional(),
  /** 0 makes the process final before the answer. */
  delayMs: delayRange.optional(),
  ...target,
});

export const BulkSchema = z.object({
  count: z.number().int().min(1).max(200_000),
  seed: z.number().int().optional(),
  mix: z.partialRecord(z.enum(FINAL_STATUSES), z.number().min(0)).optional(),
  scenarios: z.array(z.string()).min(1).optional(),
  processTypes: z.array(z.enum(PROCESS_TYPES)).min(1).optional(),
  processesPerDossier: z.number().int().min(1).max(20).default(1),
  delayMs: delayRange.optional(),
  /** Spread creation over the past N days; such processes are final at once. */
  backdateDays: z.number().min(0).max(3650).default(0),
  /**
   * Make each process's pictures now, as the SDK's upload would have stored them, instead of at the first
   * download of its zip. For benchmarks: picture encoding is the simulator's own cost, not Assure's, and
   * would otherwise be paid on the desk's cores in the measured window. Kept in the media cache (LRU,
   * 256 MB), so meant for thousands of processes, not 100,000.
   */
  prerenderMedia: z.boolean().default(false),
  /** Leave out the list of ids (a 100,000-process answer is ~15 MB). */
  includeItems: z.boolean().default(true),
  ...target,
});

export const PinSchema = z.object({
  scenario: z.string().min(1).optional(),
  notificationForm: z.enum(["assure", "events"]).optional(),
});
