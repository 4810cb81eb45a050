import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createLogger } from "../log/logger";
import { DESK_EVENT_KINDS, type DeskEvent } from "./event-kinds";

const Wire = z.object({
  k: z.enum(DESK_EVENT_KINDS),
  p: z.string().max(200).optional(),
  d: z.string().max(200).optional(),
  s: z.string().max(40).optional(),
  f: z.string().max(40).nullish(),
  n: z.literal(1).optional(),
  t: z.number().finite(),
});

type Listener = (event: DeskEvent) => void;

export interface DeskEventHub {
  /** A payload heard on the channel: numbered, kept in the replay buffer and handed to every subscriber. */
  receive(payload: string): DeskEvent | null;
  /** Hears every event from now on; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
  /**
   * The buffered events after `lastEventId`, or `"gap"` when that id is not this instance's (another
   * instance, or this one before a restart) or older than the buffer: the browser must reload to be sure.
   */
  since(lastEventId: string): DeskEvent[] | "gap";
  /**
   * The buffered events published at or after `time` (ms), for a page's first connection: what changed
   * between its render and its stream opening. `"gap"` when this instance may not have heard all of them
   * (it started listening later, or the buffer dropped some since).
   */
  sinceTime(time: number): DeskEvent[] | "gap";
  subscribers(): number;
}

export interface DeskEventHubOptions {
  /** Events kept for resumption (`Last-Event-ID`). */
  bufferSize?: number;
  log?: (line: string) => void;
}

/**
 * One per desk instance. Ids are `<boot>-<sequence>`: the boot part changes at every start, so a browser
 * resuming with an id this instance never issued is told to reload rather than silently missing events.
 */
export function createDeskEventHub(options: DeskEventHubOptions = {}): DeskEventHub {
  const size = options.bufferSize ?? 1_000;
  const boot = randomBytes(4).toString("hex");
  const buffer: DeskEvent[] = [];
  const listeners = new Set<Listener>();
  const startedAt = Date.now();
  let sequence = 0;
  let dropped = false;

  return {
    receive(payload) {
      let parsed: z.infer<typeof Wire>;
      try {
        parsed = Wire.parse(JSON.parse(payload));
      } catch {
        options.log?.("desk events: dropped a payload that is not an event");
        return null;
      }
      sequence += 1;
      const event: DeskEvent = {
        id: `${boot}-${sequence}`,
        kind: parsed.k,
        ...(parsed.p ? { processId: parsed.p } : {}),
        ...(parsed.d ? { dossierId: parsed.d } : {}),
        ...(parsed.s ? { status: parsed.s } : {}),
        ...(parsed.f ? { previousStatus: parsed.f } : {}),
        ...(parsed.n ? { created: true } : {}),
        at: parsed.t,
      };
      buffer.push(event);
      if (buffer.length > size) {
        buffer.splice(0, buffer.length - size);
        dropped = true;
      }
      for (const listener of listeners) listener(event);
      return event;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    since(lastEventId) {
      const match = /^([0-9a-f]+)-(\d+)$/.exec(lastEventId);
      if (!match || match[1] !== boot) return "gap";
      const last = Number(match[2]);
      if (last > sequence) return "gap";
      const oldest = buffer[0] ? sequenceOf(buffer[0]) : sequence + 1;
      // Events after `last` must all still be buffered: the next one is `last + 1`.
      if (last + 1 < oldest) return "gap";
      return buffer.filter((event) => sequenceOf(event) > last);
    },
    sinceTime(time) {
      if (time < startedAt) return "gap";
      if (dropped && (buffer[0]?.at ?? Infinity) > time) return "gap";
      return buffer.filter((event) => event.at >= time);
    },
    subscribers: () => listeners.size,
  };
}

function sequenceOf(event: DeskEvent): number {
  return Number(event.id.slice(event.id.indexOf("-") + 1));
}

const globalForEvents = globalThis as unknown as { deskEventHub?: DeskEventHub };

/** This instance's hub (on globalThis: instrumentation and the route handlers are bundled apart). */
export function getDeskEventHub(): DeskEventHub {
  globalForEvents.deskEventHub ??= createDeskEventHub({ log: (line) => createLogger("events").warn(line) });
  return globalForEvents.deskEventHub;
}
