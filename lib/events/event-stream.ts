import { can, type StaffRole } from "../auth/permissions";
import type { DeskEventHub } from "./event-hub";
import { EVENT_CAPABILITY, type DeskEvent } from "./event-kinds";

export interface EventStreamOptions {
  hub: DeskEventHub;
  /** The signed-in user's role when the stream opened: a role change ends the session, and so the stream. */
  role: StaffRole;
  /** The browser's `Last-Event-ID`, when it reconnects. */
  lastEventId?: string | null;
  /** A first connection's `since` (ms): the time its page was rendered, less a margin; replayed from the buffer. */
  sinceTime?: number | null;
  /** The request's abort signal: the browser went away. */
  signal?: AbortSignal;
  /** Whether the session still counts (signed out, deactivated, expired: false ends the stream). */
  stillSignedIn: () => Promise<boolean>;
  heartbeatMs?: number;
  sessionCheckMs?: number;
  /** Events queued for a browser that does not read them before the stream is dropped (it reconnects and resumes). */
  maxQueued?: number;
}

const encoder = new TextEncoder();

/** One event in the text/event-stream format: the id for resumption, the kind and ids as JSON. */
export function formatEvent(event: DeskEvent): string {
  const { id, ...data } = event;
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function mayHear(role: StaffRole, event: DeskEvent): boolean {
  return can(role, EVENT_CAPABILITY[event.kind]);
}

/**
 * A Server-Sent Events stream of what this role may hear: first what the browser missed (from the replay
 * buffer, or `event: resync` when it cannot be told), then every new event, a comment line as a heartbeat,
 * and `event: end` when the session stops counting.
 */
export function openEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const heartbeatMs = options.heartbeatMs ?? 20_000;
  const sessionCheckMs = options.sessionCheckMs ?? 30_000;
  const maxQueued = options.maxQueued ?? 1_000;
  let close: () => void = () => {};

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const send = (text: string) => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) <= 0) {
            // A browser that stopped reading: drop it rather than hold events for it without bound.
            close();
            return;
          }
          controller.enqueue(encoder.encode(text));
        };
        const onEvent = (event: DeskEvent) => {
          if (mayHear(options.role, event)) send(formatEvent(event));
        };

        // Replay and subscribe in one synchronous step: no event can fall between them.
        send("retry: 3000\n\n");
        if (options.lastEventId) {
          const missed = options.hub.since(options.lastEventId);
          if (missed === "gap") send("event: resync\ndata: {}\n\n");
          else for (const event of missed) onEvent(event);
        } else if (options.sinceTime != null) {
          const missed = options.hub.sinceTime(options.sinceTime);
          if (missed === "gap") send("event: resync\ndata: {}\n\n");
          else for (const event of missed) onEvent(event);
        }
        const unsubscribe = options.hub.subscribe(onEvent);
        const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
        const sessionCheck = setInterval(() => {
          options.stillSignedIn().then(
            (signedIn) => {
              if (signedIn) return;
              send("event: end\ndata: {}\n\n");
              close();
            },
            // A database hiccup is not a sign-out: the next check decides.
            () => {},
          );
        }, sessionCheckMs);

        close = () => {
          if (!open) return;
          open = false;
          unsubscribe();
          clearInterval(heartbeat);
          clearInterval(sessionCheck);
          options.signal?.removeEventListener("abort", close);
          try {
            controller.close();
          } catch {
            // Already closed or cancelled by the reader.
          }
        };
        if (options.signal?.aborted) close();
        else options.signal?.addEventListener("abort", close);
      },
      cancel() {
        close();
      },
    },
    new CountQueuingStrategy({ highWaterMark: maxQueued }),
  );
}
