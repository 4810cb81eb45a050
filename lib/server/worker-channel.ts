import { z } from "zod";

/**
 * The one message that crosses between `npm start`'s processes: "rows are waiting in the inbox". The web
 * server sends it to its parent (`npm start`), which hands it to the worker it manages; the worker wakes
 * its pump at once instead of at its next poll. A lost message costs latency (the poll still finds the
 * rows), never a notification.
 */
export const InboxNudge = z.object({ type: z.literal("desk:inbox-nudge"), lanes: z.enum(["status", "all"]) });
export type InboxNudge = z.infer<typeof InboxNudge>;
export type NudgeLanes = InboxNudge["lanes"];

/** The parsed nudge, or null for any other message (a process may carry other IPC traffic). */
export function readNudge(message: unknown): InboxNudge | null {
  const parsed = InboxNudge.safeParse(message);
  return parsed.success ? parsed.data : null;
}

interface Sender {
  connected?: boolean;
  send?: (message: unknown) => boolean;
}

/**
 * Coalesces nudges into at most one message per turn of the event loop: 500 notifications a second cost
 * a few hundred tiny messages, not work. `all` wins over `status` within a turn.
 */
export function createNudgeSender(target: Sender): (lanes?: NudgeLanes) => void {
  let pending: NudgeLanes | undefined;
  return (lanes = "status") => {
    if (!target.send || target.connected === false) return;
    const first = pending === undefined;
    pending = pending === "all" ? "all" : lanes;
    if (!first) return;
    setImmediate(() => {
      const message: InboxNudge = { type: "desk:inbox-nudge", lanes: pending ?? "status" };
      pending = undefined;
      // The channel may have closed meanwhile (npm start stopping): the rows stay in the inbox.
      if (target.connected !== false) target.send?.(message);
    });
  };
}

const globalForChannel = globalThis as unknown as { deskNudgeParent?: (lanes?: NudgeLanes) => void };

/**
 * From a web server whose processing runs elsewhere (WORKER_IN_PROCESS=0): tells `npm start` that rows
 * are waiting, when `npm start` is the parent (it opens an IPC channel); a no-op otherwise, where a
 * separate `npm run worker` polls.
 */
export function nudgeSeparateWorker(lanes: NudgeLanes = "status"): void {
  globalForChannel.deskNudgeParent ??= createNudgeSender(process as Sender);
  globalForChannel.deskNudgeParent(lanes);
}
