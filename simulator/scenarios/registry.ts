/** All scenarios by name, and the ones a bulk run may draw for a status and process type. */
import { BREAKDOWN_SCENARIOS } from "./breakdown-scenarios";
import { NAMED_SCENARIOS } from "./named-scenarios";
import type { FinalStatus, ProcessType, Scenario } from "./types";

export const SCENARIOS: readonly Scenario[] = [...NAMED_SCENARIOS, ...BREAKDOWN_SCENARIOS];

const BY_NAME = new Map(SCENARIOS.map((s) => [s.name, s]));

export function findScenario(name: string): Scenario | undefined {
  return BY_NAME.get(name);
}

export function scenariosFor(status: FinalStatus, processType?: ProcessType): Scenario[] {
  return SCENARIOS.filter((s) => s.status === status && (!processType || s.processTypes.includes(processType)));
}
