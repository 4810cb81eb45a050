/**
 * From a stored process to what it holds: its plan (scenario, seed, inputs), the Onfido run rebuilt from
 * that plan, the final status derived from the run, and the Assure fields derived for display.
 */
import { deriveOutcome, deriveStatus, type Outcome } from "../derive/derive-outcome";
import { onfidoDocumentType } from "../derive/mappings";
import { type ProcessPlan, runOnfido, type OnfidoRun } from "../onfido/run-onfido";
import { findScenario } from "../scenarios/registry";
import type { FinalStatus, Scenario } from "../scenarios/types";
import type { ProcessRecord } from "./store";

export function scenarioOf(process: ProcessRecord): Scenario {
  const scenario = findScenario(process.scenario);
  if (!scenario) throw new Error(`unknown scenario ${process.scenario}`);
  return scenario;
}

function countryOfResidence(process: ProcessRecord): string | undefined {
  const location = process.processParameters?.location;
  if (typeof location !== "object" || location === null) return undefined;
  const country = (location as Record<string, unknown>).countryOfResidence;
  return typeof country === "string" ? country : undefined;
}

export function planOf(process: ProcessRecord): ProcessPlan {
  const startedAt = process.startedAt ?? process.createdAt;
  return {
    seed: process.seed,
    scenario: scenarioOf(process),
    processType: process.processType,
    documentType: process.documentType ? onfidoDocumentType(process.documentType) : undefined,
    countryOfResidence: countryOfResidence(process),
    startedAt,
    finishedAt: process.finishedAt ?? startedAt,
  };
}

/** The status a process ends with: failed or canceled by its scenario, otherwise what the reports say. */
export function finalStatusOf(process: ProcessRecord): FinalStatus {
  const scenario = scenarioOf(process);
  if (scenario.failReason) return "failed";
  if (scenario.canceled) return "canceled";
  const run = runOnfido(planOf(process));
  return deriveStatus(run.documentReport, run.facialReport);
}

/** Whether a final process has Onfido results (and so a full-result zip). */
export function hasResult(process: ProcessRecord): boolean {
  return process.status === "accepted" || process.status === "rejected" || process.status === "inconclusive";
}

export function onfidoRunOf(process: ProcessRecord): OnfidoRun | undefined {
  return hasResult(process) ? runOnfido(planOf(process)) : undefined;
}

export function outcomeOf(run: OnfidoRun): Outcome {
  return deriveOutcome(run.documentReport, run.facialReport);
}
