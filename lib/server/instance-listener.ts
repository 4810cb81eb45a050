import "server-only";
import type { Database } from "../../db/client";
import { getDeskEventHub, type DeskEventHub } from "../events/event-hub";
import { DESK_EVENT_CHANNEL } from "../events/publish-event";
import { forgetResultsLocally, RESULT_FORGET_CHANNEL } from "../results/forget-results";

export interface InstanceListenerOptions {
  /** Where desk events go; the instance's own hub unless a test gives one. */
  hub?: DeskEventHub;
  log?: (line: string) => void;
}

/**
 * What one desk instance hears from every instance (workers included), on the database handle's single
 * listening connection: purged results to drop from the caches, and desk events for the open streams.
 * postgres.js listens again after a reconnect; what was missed meanwhile is forgotten by the store anyway,
 * and browsers resuming across the gap are told to reload (the hub does not know their last id). Returns
 * the stop function.
 */
export async function startInstanceListener(database: Database, options: InstanceListenerOptions = {}): Promise<() => Promise<void>> {
  const hub = options.hub ?? getDeskEventHub();
  const log = options.log ?? (() => {});
  const stops = await Promise.all([
    database.listen(
      RESULT_FORGET_CHANNEL,
      (payload) => forgetResultsLocally(payload.split(",").filter(Boolean)),
      () => log("listening for purged results"),
    ),
    database.listen(DESK_EVENT_CHANNEL, (payload) => hub.receive(payload), () => log("listening for desk events")),
  ]);
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
