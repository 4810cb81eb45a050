/**
 * The life of a process after start: `processing`, then final after a delay, then a notification to its
 * notificationUrl (every final status, failed and canceled included).
 */
import { notificationBody } from "../notify/payload";
import { finalStatusOf } from "./process-outcome";
import type { SimulatorState } from "./simulator-state";
import type { ProcessRecord } from "./store";

export function drawFinalDelay(state: SimulatorState): number {
  const { min, max } = state.config.finalDelayMs;
  return state.rng.int(min, max);
}

/** Moves a pending process to `processing` and schedules its end; a delay of 0 ends it at once. */
export function startProcess(state: SimulatorState, process: ProcessRecord, now: number, delayMs: number): void {
  process.startedAt = now;
  process.sdkToken = undefined;
  state.store.setStatus(process, "processing", now);
  if (delayMs <= 0) return finishProcess(state, process.processId, now);
  state.scheduler.at(now + delayMs, () => finishProcess(state, process.processId, Date.now()));
}

export function finishProcess(state: SimulatorState, processId: string, now: number): void {
  const process = state.store.processes.get(processId);
  // Deleted meanwhile, or already finished through the control API.
  if (!process || process.status !== "processing") return;
  process.finishedAt = now;
  state.store.setStatus(process, finalStatusOf(process), now);
  // A backdated bulk process finishes in the past, but its notification leaves now.
  notifyFinished(state, process, Date.now());
}

function notifyFinished(state: SimulatorState, process: ProcessRecord, now: number): void {
  if (!process.notificationUrl) return;
  const form = process.notificationForm ?? state.config.notificationForm;
  const dossier = state.store.dossiers.get(process.dossierId);
  const body = notificationBody(
    form,
    { ...process, externalReference: dossier?.externalReference },
    state.config,
    now,
  );
  state.notifier.send({
    url: process.notificationUrl,
    authorization: process.authorizationHeader,
    body,
    deadline: now + state.config.notify.deadlineMs,
  });
}
