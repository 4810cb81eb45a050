/**
 * Faults the control API can inject: latency and error answers (globally or per endpoint), a down period
 * (connections closed without an answer, or 503 to everything), and misbehaving notifications.
 */
import { z } from "zod";

export const ENDPOINT_NAMES = [
  "token", "createDossier", "listDossiers", "getDossier", "deleteDossier", "setDossierFiles",
  "createProcess", "getProcess", "deleteProcess", "startVerification", "setImages", "getImage",
  "getResult", "documentTypes",
] as const;
export type EndpointName = (typeof ENDPOINT_NAMES)[number];

const rate = z.number().min(0).max(1);
const EndpointFaultSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  errorRate: rate.default(0),
  errorStatus: z.union([z.literal(500), z.literal(503)]).default(503),
});

export const FaultsInputSchema = z.object({
  ...EndpointFaultSchema.shape,
  endpoints: z.partialRecord(z.enum(ENDPOINT_NAMES), EndpointFaultSchema).default({}),
  down: z.object({ seconds: z.number().positive().max(3600), mode: z.enum(["connection", "503"]).default("connection") }).optional(),
  notifications: z
    .object({
      dropRate: rate.default(0),
      duplicateRate: rate.default(0),
      delayMs: z.number().int().min(0).max(600_000).default(0),
      /** Hold notifications for `reorderWindowMs` and send each batch newest first. */
      reorder: z.boolean().default(false),
      reorderWindowMs: z.number().int().positive().max(60_000).default(500),
    })
    .prefault({}),
});

export type EndpointFault = z.infer<typeof EndpointFaultSchema>;
export type NotificationFaults = z.infer<typeof FaultsInputSchema>["notifications"];

export interface Faults extends EndpointFault {
  endpoints: Partial<Record<EndpointName, EndpointFault>>;
  down?: { until: number; mode: "connection" | "503" };
  notifications: NotificationFaults;
}

export const noFaults = (): Faults => fromInput(FaultsInputSchema.parse({}), Date.now());

export function fromInput(input: z.infer<typeof FaultsInputSchema>, now: number): Faults {
  const { down, ...rest } = input;
  return { ...rest, ...(down ? { down: { until: now + down.seconds * 1000, mode: down.mode } } : {}) };
}

/** The fault that applies to one endpoint: its own settings where given, the global ones otherwise. */
export function faultFor(faults: Faults, endpoint: string): EndpointFault {
  return faults.endpoints[endpoint as EndpointName] ?? faults;
}

export function isDown(faults: Faults, now: number): "connection" | "503" | undefined {
  return faults.down && faults.down.until > now ? faults.down.mode : undefined;
}

export function describeFaults(faults: Faults, now: number): Record<string, unknown> {
  const { down, ...rest } = faults;
  const active = down && down.until > now;
  return { ...rest, down: active ? { mode: down.mode, until: new Date(down.until).toISOString(), remainingMs: down.until - now } : null };
}
