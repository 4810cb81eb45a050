/**
 * The two notification forms: Assure's per-process `{dossierId, processId, status}` and the Signicat Events
 * envelope. Neither carries personal data: they say which process to fetch, not what it holds.
 */
import { randomUUID } from "node:crypto";
import type { SimulatorConfig } from "../config";
import { isoTimestamp } from "../people/dates";
import type { NotificationForm } from "../state/store";

export interface FinishedProcess {
  dossierId: string;
  processId: string;
  status: string;
  externalReference?: string;
}

export function notificationBody(
  form: NotificationForm,
  process: FinishedProcess,
  config: SimulatorConfig,
  now: number,
): Record<string, unknown> {
  const { dossierId, processId, status } = process;
  if (form === "assure") return { dossierId, processId, status };
  return {
    id: randomUUID(),
    timestamp: isoTimestamp(now),
    sender: config.events.sender,
    eventName: config.events.eventName,
    eventData: { dossierId, processId, status, externalReference: process.externalReference ?? null },
    accountId: config.events.accountId,
    organizationId: config.events.organizationId,
    expiresAt: isoTimestamp(now + config.notify.deadlineMs),
    tags: [],
  };
}
