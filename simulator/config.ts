/**
 * The simulator's settings. The same schema reads `startSimulator` options, the environment (see env.ts)
 * and `PUT /__sim/config`, so every way in is validated alike. Settings can change while running.
 */
import { z } from "zod";

const ms = z.number().int().min(0);

export const ConfigSchema = z.object({
  clientId: z.string().min(1).default("desk-demo-client"),
  clientSecret: z.string().min(1).default("desk-demo-secret"),
  /** Seconds a token lives. */
  tokenExpiresIn: z.number().int().positive().default(600),
  /** A started process becomes final after a delay drawn from this range. */
  finalDelayMs: z
    .object({ min: ms.default(1000), max: ms.default(2000) })
    .prefault({})
    .refine((d) => d.min <= d.max, "min must not exceed max"),
  /** Seeds the people of processes created through the API (bulk runs take their own seed). */
  seed: z.number().int().default(1),
  /** Scenario for processes started through the API: a scenario name, or `random` to draw from the mix. */
  defaultScenario: z.string().min(1).default("accepted"),
  notificationForm: z.enum(["assure", "events"]).default("assure"),
  /** Where control-API runs notify when the request names no target. */
  bulkNotification: z.object({ url: z.url().nullish(), authorizationHeader: z.string().nullish() }).prefault({}),
  notify: z
    .object({
      timeoutMs: z.number().int().positive().default(5000),
      /** Retries stop this long after the process finished (Signicat Events' `expiresAt`). */
      deadlineMs: z.number().int().positive().default(600_000),
      backoffBaseMs: z.number().int().positive().default(500),
      backoffMaxMs: z.number().int().positive().default(30_000),
      concurrency: z.number().int().positive().max(256).default(16),
    })
    .prefault({}),
  events: z
    .object({
      sender: z.string().default("signicat.assure"),
      eventName: z.string().default("assure.process.completed"),
      accountId: z.string().default("a-simulator-account"),
      organizationId: z.string().default("o-simulator-organization"),
    })
    .prefault({}),
  image: z
    .object({
      /** Width in pixels of generated pictures (documents are ID-1 shaped, selfies 3:4). */
      width: z.number().int().min(32).max(8000).default(800),
      /** When set, pictures are sized to come out near this many bytes each (overrides width). */
      targetBytes: z.number().int().positive().max(50_000_000).nullish(),
      quality: z.number().int().min(1).max(100).default(88),
    })
    .prefault({}),
  /** The largest image set images accepts, decoded. */
  maxImageBytes: z.number().int().positive().default(10 * 1024 * 1024),
});

export type SimulatorConfig = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export function parseConfig(input: unknown): SimulatorConfig {
  return ConfigSchema.parse(input ?? {});
}

/** Merges a partial change into the current settings (objects key by key) and validates the result. */
export function mergeConfig(current: SimulatorConfig, change: unknown) {
  return ConfigSchema.safeParse(deepMerge(current, change));
}

function deepMerge(base: unknown, change: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(change)) return change === undefined ? base : change;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) out[key] = deepMerge(base[key], value);
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
