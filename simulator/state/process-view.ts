/**
 * The Assure process object as the API answers it, in the examples' shape: `authorization` only while
 * pending, `providerSpecific` derived from the Onfido reports once final (empty for canceled), `finalResult`
 * only when accepted, `failReason` only when failed, and never the `authorizationHeader`.
 */
import { isoTimestamp } from "../people/dates";
import { onfidoRunOf, outcomeOf, scenarioOf } from "./process-outcome";
import type { ProcessRecord } from "./store";

export function processView(process: ProcessRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    processId: process.processId,
    provider: "onfido",
    processType: process.processType,
    ...(process.documentType ? { documentType: process.documentType } : {}),
    status: process.status,
    createdAt: isoTimestamp(process.createdAt),
    updatedAt: isoTimestamp(process.updatedAt),
    ...(process.notificationUrl ? { notificationUrl: process.notificationUrl } : {}),
    ...(process.processParameters ? { processParameters: process.processParameters } : {}),
  };
  if (process.status === "pending" && process.sdkToken) view.authorization = process.sdkToken;
  const run = onfidoRunOf(process);
  if (run) {
    const outcome = outcomeOf(run);
    if (outcome.finalResult) view.finalResult = outcome.finalResult;
    view.providerSpecific = outcome.providerSpecific;
  }
  if (process.status === "canceled") view.providerSpecific = {};
  if (process.status === "failed") {
    const reason = scenarioOf(process).failReason;
    if (reason) view.failReason = { ...reason };
  }
  return view;
}
