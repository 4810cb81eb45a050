/** Everything one running simulator holds, passed to every handler. */
import type { SimulatorConfig } from "../config";
import { type Faults, noFaults } from "../control/faults";
import { newStats, type Stats } from "../control/stats";
import { TokenStore } from "../api/tokens";
import { MediaCache } from "../media/media-cache";
import { Notifier } from "../notify/notifier";
import { createRng, type Rng } from "../people/prng";
import { Scheduler } from "./scheduler";
import { Store } from "./store";

export interface SimulatorState {
  config: SimulatorConfig;
  store: Store;
  tokens: TokenStore;
  faults: Faults;
  stats: Stats;
  notifier: Notifier;
  scheduler: Scheduler;
  media: MediaCache;
  /** Seeds for processes created through the API, and the delay before they become final. */
  rng: Rng;
  /** Dice for injected faults, seeded so that a fault run is repeatable. */
  faultRng: Rng;
  log: (line: string) => void;
}

export function createState(config: SimulatorConfig, log: (line: string) => void): SimulatorState {
  const stats = newStats();
  const faultRng = createRng(config.seed ^ 0x5eed);
  // The closures read `state` when called, after it exists: settings and faults can change while running.
  const notifier = new Notifier({
    config: () => state.config,
    faults: () => state.faults.notifications,
    stats: stats.notifications,
    rng: faultRng,
    log,
  });
  const state: SimulatorState = {
    config,
    store: new Store(),
    tokens: new TokenStore(),
    faults: noFaults(),
    stats,
    scheduler: new Scheduler(),
    media: new MediaCache(),
    rng: createRng(config.seed),
    faultRng,
    log,
    notifier,
  };
  return state;
}

/** Control API reset: no dossiers, processes, faults, pending work or counters; settings and tokens stay. */
export function resetState(state: SimulatorState): void {
  state.store.reset();
  state.scheduler.clear();
  state.notifier.clear();
  state.media.clear();
  state.faults = noFaults();
  const fresh = newStats();
  Object.assign(state.stats.requests, fresh.requests);
  Object.assign(state.stats.notifications, fresh.notifications);
  state.rng = createRng(state.config.seed);
}
