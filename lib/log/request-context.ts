import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * The request a piece of server work belongs to. Route handlers and server actions run inside
 * `withRequestId`; every log line written meanwhile carries the id, and an unexpected failure shows it to
 * the user as its reference, so that support can find the lines of that one request.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();

// A caller-supplied id (a proxy's X-Request-Id) is kept only when it is short and plain: it ends up in logs.
const ACCEPTED_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function newRequestId(proposed?: string | null): string {
  return proposed && ACCEPTED_ID.test(proposed) ? proposed : randomUUID();
}

export function withRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
