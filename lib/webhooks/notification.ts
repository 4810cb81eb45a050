import { z } from "zod";

/**
 * The two forms a notification reaches us in (lib/assure/README.md "Notifications"): Assure's per-process
 * `notificationUrl` body, and the Signicat Events envelope. Either way it only says which process to
 * fetch; the fetched process is the truth, `status` is a hint.
 */

/** Assure's ids are UUIDs; anything printable is tolerated, control characters never reach the database. */
const id = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");
const hintedStatus = z.string().trim().min(1).max(50).optional();

const ProcessNotification = z.object({ dossierId: id, processId: id, status: hintedStatus });

const EventsEnvelope = z.object({
  id,
  eventName: z.string().max(200).optional(),
  timestamp: z.string().max(100).optional(),
  expiresAt: z.string().max(100).optional(),
  eventData: z.object({
    dossierId: id,
    processId: id,
    status: hintedStatus,
    externalReference: z.string().max(500).nullish(),
  }),
});

export interface Notification {
  form: "process" | "event";
  dossierId: string;
  processId: string;
  hintedStatus: string | null;
  /** Two deliveries of one notification share this key; the inbox stores it once. */
  dedupeKey: string;
}

export type ParsedNotification = { ok: true; notification: Notification } | { ok: false; reason: string };

export function parseNotification(body: unknown): ParsedNotification {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, reason: "body must be a JSON object" };
  }
  if ("eventData" in body) {
    const parsed = EventsEnvelope.safeParse(body);
    if (!parsed.success) return { ok: false, reason: describe(parsed.error) };
    const { id: eventId, eventData } = parsed.data;
    return {
      ok: true,
      notification: {
        form: "event",
        dossierId: eventData.dossierId,
        processId: eventData.processId,
        hintedStatus: eventData.status ?? null,
        dedupeKey: `event:${eventId}`,
      },
    };
  }
  const parsed = ProcessNotification.safeParse(body);
  if (!parsed.success) return { ok: false, reason: describe(parsed.error) };
  const { dossierId, processId, status } = parsed.data;
  return {
    ok: true,
    notification: {
      form: "process",
      dossierId,
      processId,
      hintedStatus: status ?? null,
      dedupeKey: `process:${dossierId}:${processId}:${status ?? ""}`,
    },
  };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "not a notification";
  return `${issue.path.join(".") || "body"}: ${issue.message}`.slice(0, 200);
}
