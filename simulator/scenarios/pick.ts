/** Drawing scenarios for a status mix, from a seeded generator so that a bulk run can be repeated. */
import { pickWeighted, type Rng } from "../people/prng";
import { scenariosFor } from "./registry";
import type { FinalStatus, ProcessType, Scenario } from "./types";

export type StatusMix = Partial<Record<FinalStatus, number>>;

export const DEFAULT_MIX: Readonly<Record<FinalStatus, number>> = {
  accepted: 0.6,
  rejected: 0.1,
  inconclusive: 0.15,
  failed: 0.1,
  canceled: 0.05,
};

export const PROCESS_TYPE_MIX: Readonly<Record<ProcessType, number>> = {
  documentSelfie: 0.7,
  document: 0.2,
  documentVideo: 0.1,
};

/** A status by weight, then one of that status's scenarios that fits the process type, uniformly. */
export function drawScenario(rng: Rng, processType: ProcessType, mix: StatusMix = DEFAULT_MIX): Scenario {
  const status = pickWeighted(rng, mix);
  const candidates = scenariosFor(status, processType);
  return rng.pick(candidates.length > 0 ? candidates : scenariosFor("accepted", processType));
}
