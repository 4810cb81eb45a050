/**
 * Processes the control API creates and starts "as if the SDK had captured them": one with a named
 * scenario, or a bulk run drawing scenarios from a seeded generator for a status mix.
 */
import { createDossier } from "../api/dossier-routes";
import type { AssureDocumentType } from "../derive/mappings";
import { COUNTRIES } from "../people/countries";
import { createRng, pickWeighted, type Rng } from "../people/prng";
import { DEFAULT_MIX, drawScenario, PROCESS_TYPE_MIX, type StatusMix } from "../scenarios/pick";
import { findScenario } from "../scenarios/registry";
import { PROCESS_TYPES, type ProcessType, type Scenario } from "../scenarios/types";
import { newId } from "../state/ids";
import { processImage } from "../state/process-media";
import { startProcess } from "../state/lifecycle";
import type { SimulatorState } from "../state/simulator-state";
import { type DossierRecord, IMAGE_KINDS, newProcess, type NotificationForm, type ProcessRecord } from "../state/store";

export interface NotificationTarget {
  notificationUrl?: string;
  authorizationHeader?: string;
  notificationForm?: NotificationForm;
}

export interface CapturedInput extends NotificationTarget {
  dossier: DossierRecord;
  scenario: Scenario;
  processType: ProcessType;
  documentType?: AssureDocumentType;
  countryOfResidence: string;
  seed: number;
  createdAt: number;
  startedAt: number;
  delayMs: number;
}

/** The target named in the request, else the one configured for control-API runs. */
export function targetOf(state: SimulatorState, request: NotificationTarget): NotificationTarget {
  const url = request.notificationUrl ?? state.config.bulkNotification.url;
  if (!url) return {};
  return {
    notificationUrl: url,
    authorizationHeader: request.authorizationHeader ?? state.config.bulkNotification.authorizationHeader ?? undefined,
    notificationForm: request.notificationForm,
  };
}

export function createCapturedProcess(state: SimulatorState, input: CapturedInput): ProcessRecord {
  const selfieOrVideo = input.processType !== "document";
  const consent = selfieOrVideo && input.countryOfResidence === "USA";
  const process = state.store.addProcess(
    newProcess({
      processId: newId(),
      dossierId: input.dossier.dossierId,
      processType: input.processType,
      documentType: input.documentType,
      createdAt: input.createdAt,
      notificationUrl: input.notificationUrl,
      authorizationHeader: input.authorizationHeader,
      notificationForm: input.notificationForm,
      processParameters: consent
        ? { location: { countryOfResidence: input.countryOfResidence }, consents: { privacy: true } }
        : { location: { countryOfResidence: input.countryOfResidence } },
      scenario: input.scenario.name,
      seed: input.seed,
      captured: true,
    }),
  );
  startProcess(state, process, input.startedAt, input.delayMs);
  return process;
}

/** The process type to use: the one asked for, or one the scenario fits, drawn by the usual mix. */
export function processTypeFor(rng: Rng, scenario: Scenario, allowed?: readonly ProcessType[]): ProcessType | undefined {
  const weights: Partial<Record<ProcessType, number>> = {};
  for (const type of scenario.processTypes) {
    if (!allowed || allowed.includes(type)) weights[type] = PROCESS_TYPE_MIX[type];
  }
  return Object.keys(weights).length > 0 ? pickWeighted(rng, weights) : undefined;
}

export interface BulkInput extends NotificationTarget {
  count: number;
  seed: number;
  mix?: StatusMix;
  scenarios?: string[];
  processTypes?: ProcessType[];
  processesPerDossier: number;
  delayMs?: { min: number; max: number };
  backdateDays: number;
  /** Render the pictures now rather than at the first download (see BulkSchema). */
  prerenderMedia?: boolean;
}

export interface BulkItem {
  dossierId: string;
  processId: string;
  scenario: string;
  processType: ProcessType;
}

const DAY_MS = 86_400_000;

function drawPair(rng: Rng, input: BulkInput, pool: Scenario[] | undefined): { scenario: Scenario; processType: ProcessType } {
  if (pool) {
    const scenario = rng.pick(pool);
    // The control route checked that every listed scenario fits one of the allowed types.
    return { scenario, processType: processTypeFor(rng, scenario, input.processTypes) ?? "document" };
  }
  const weights: Partial<Record<ProcessType, number>> = {};
  for (const type of input.processTypes ?? PROCESS_TYPES) weights[type] = PROCESS_TYPE_MIX[type];
  const processType = pickWeighted(rng, weights);
  return { scenario: drawScenario(rng, processType, input.mix ?? DEFAULT_MIX), processType };
}

export function runBulk(state: SimulatorState, input: BulkInput): BulkItem[] {
  const rng = createRng(input.seed);
  const target = targetOf(state, input);
  const delay = input.delayMs ?? state.config.finalDelayMs;
  const pool = input.scenarios?.flatMap((name) => findScenario(name) ?? []);
  const now = Date.now();
  const items: BulkItem[] = [];
  let dossier: DossierRecord | undefined;
  for (let i = 0; i < input.count; i++) {
    const { scenario, processType } = drawPair(rng, input, pool);
    const backdated = input.backdateDays > 0;
    const createdAt = backdated ? now - Math.floor(rng.next() * input.backdateDays * DAY_MS) : now;
    const startedAt = backdated ? Math.min(now, createdAt + rng.int(5_000, 300_000)) : now;
    if (!dossier || i % input.processesPerDossier === 0) dossier = createDossier(state, createdAt);
    const process = createCapturedProcess(state, {
      dossier,
      scenario,
      processType,
      countryOfResidence: rng.pick(COUNTRIES).code,
      seed: rng.seed(),
      createdAt,
      startedAt,
      delayMs: backdated ? 0 : rng.int(delay.min, delay.max),
      ...target,
    });
    if (input.prerenderMedia) for (const kind of IMAGE_KINDS) processImage(state, process, kind);
    items.push({ dossierId: dossier.dossierId, processId: process.processId, scenario: scenario.name, processType });
  }
  return items;
}
