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
  /**
   * Events arriving within this many ms go out as one write (default 50): with hundreds of streams open, a
   * write per event per stream would cost the instance more than everything else it does for the event.
   */
  coalesceMs?: number;
}

const encoder = new TextEncoder();

/** One event in the text/event-stream format: the id for resumption, the kind and ids as JSON. */
export function formatEvent(event: DeskEvent): string {
  const { id, ...data } = event;
  return `id: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Each event is formatted and encoded once, however many streams send it. */
const encodedEvents = new WeakMap<DeskEvent, Uint8Array>();
function encodedEvent(event: DeskEvent): Uint8Array {
  let bytes = encodedEvents.get(event);
  if (!bytes) {
    bytes = encoder.encode(formatEvent(event));
    encodedEvents.set(event, bytes);
  }
  return bytes;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined;
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
  const coalesceMs = options.coalesceMs ?? 50;
  let close: () => void = () => {};

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        let pending: Uint8Array[] = [];
        let flushTimer: ReturnType<typeof setTimeout> | undefined;
        const flush = () => {
          flushTimer = undefined;
          if (!open || pending.length === 0) return;
          if ((controller.desiredSize ?? 0) <= 0) {
            // A browser that stopped reading: drop it rather than hold events for it without bound.
            close();
            return;
          }
          const chunk = concat(pending);
          pending = [];
          controller.enqueue(chunk);
        };
        const send = (bytes: Uint8Array) => {
          if (!open) return;
          pending.push(bytes);
          flushTimer ??= setTimeout(flush, coalesceMs);
        };
        const sendText = (text: string) => send(encoder.encode(text));
        const onEvent = (event: DeskEvent) => {
          if (mayHear(options.role, event)) send(encodedEvent(event));
        };

        // Replay and subscribe in one synchronous step: no event can fall between them.
        sendText("retry: 3000\n\n");
        if (options.lastEventId) {
          const missed = options.hub.since(options.lastEventId);
          if (missed === "gap") sendText("event: resync\ndata: {}\n\n");
          else for (const event of missed) onEvent(event);
        } else if (options.sinceTime != null) {
          const missed = options.hub.sinceTime(options.sinceTime);
          if (missed === "gap") sendText("event: resync\ndata: {}\n\n");
          else for (const event of missed) onEvent(event);
        }
        const unsubscribe = options.hub.subscribe(onEvent);
        const heartbeat = setInterval(() => sendText(": heartbeat\n\n"), heartbeatMs);
        const sessionCheck = setInterval(() => {
          options.stillSignedIn().then(
            (signedIn) => {
              if (signedIn) return;
              sendText("event: end\ndata: {}\n\n");
              flush();
              close();
            },
            // A database hiccup is not a sign-out: the next check decides.
            () => {},
          );
        }, sessionCheckMs);

        close = () => {
          if (!open) return;
          open = false;
          clearTimeout(flushTimer);
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
