import type { Db } from "../../db/client";
import { clientAddress, type HeaderSource } from "../auth/client-address";
import { isAuthorizedNotification } from "./authenticate";
import { createLogger } from "../log/logger";
import { countWebhook } from "./counters";
import { inboxWriterFor } from "./inbox-writer";
import { parseNotification } from "./notification";
import { BodyTooLarge, MAX_NOTIFICATION_BYTES, readBodyWithLimit } from "./read-body";

export interface WebhookAnswer {
  status: 200 | 202 | 400 | 401 | 413 | 503;
  body: Record<string, unknown>;
  /** The inbox row to process, when a new one was stored. */
  inboxId?: number;
}

const log = createLogger("webhook");

/** Headers worth keeping for diagnosis; never credentials or cookies. */
const KEPT_HEADERS = ["content-type", "user-agent", "x-request-id", "x-correlation-id", "traceparent"];

/**
 * What the webhook reads of a request, whichever server received it: Next.js's route handler (a web
 * `Request`, `fromWebRequest`) or the desk server's own listener (Node's `IncomingMessage`,
 * webhook-listener.ts).
 */
export interface NotificationRequest {
  /** One header's value, or null. */
  header(name: string): string | null;
  /** All headers, for the sender's address behind trusted proxies. */
  headers: HeaderSource;
  /** The body as text; `BodyTooLarge` past `limit` bytes, having read no more than that. */
  text(limit: number): Promise<string>;
}

export function fromWebRequest(request: Request): NotificationRequest {
  return {
    header: (name) => request.headers.get(name),
    headers: request.headers,
    text: (limit) => readBodyWithLimit(request, limit),
  };
}

/**
 * The kept headers, and the sender's address as the nearest trusted proxy saw it (`client-address`). This
 * route is outside proxy.ts, so `X-Forwarded-For` arrives as the caller wrote it: with no trusted proxy it
 * is the caller's own say, and is not kept at all.
 */
function keptHeaders(request: NotificationRequest, trustedHops: number): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = request.header(name);
    if (value) kept[name] = value.slice(0, 500);
  }
  const address = trustedHops > 0 ? clientAddress(request.headers, trustedHops) : null;
  if (address) kept["client-address"] = address;
  return kept;
}

/**
 * The webhook's work before it answers: authenticate, read at most 64 KiB, parse, and store the
 * notification in the inbox. Only then is it acknowledged, so an acknowledged notification is never
 * lost, whatever happens to this process afterwards. Notifications arriving together share one INSERT
 * (inbox-writer.ts); each is still answered only after its row is committed. `trustedHops`: the proxies in
 * front of the desk (TRUSTED_PROXY_HOPS).
 */
export async function receiveNotification(db: Db, request: NotificationRequest | Request, secret: string | undefined, trustedHops = 0): Promise<WebhookAnswer> {
  if (request instanceof Request) return receiveNotification(db, fromWebRequest(request), secret, trustedHops);
  if (!secret) {
    log.error("ASSURE_WEBHOOK_SECRET is not set: notifications cannot be authenticated");
    return { status: 503, body: { error: "webhook not configured" } };
  }
  if (!isAuthorizedNotification(request.header("authorization"), secret)) {
    countWebhook("unauthorized");
    return { status: 401, body: { error: "unauthorized" } };
  }

  let text: string;
  try {
    text = await request.text(MAX_NOTIFICATION_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    countWebhook("tooLarge");
    return { status: 413, body: { error: `body larger than ${error.limit} bytes` } };
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    countWebhook("malformed");
    return { status: 400, body: { error: "body is not JSON" } };
  }
  // PostgreSQL's jsonb and text refuse NUL characters: refuse them here with a reason rather than fail later.
  if (JSON.stringify(json).includes("\\u0000")) {
    countWebhook("malformed");
    return { status: 400, body: { error: "body contains NUL characters" } };
  }
  const parsed = parseNotification(json);
  if (!parsed.ok) {
    countWebhook("malformed");
    return { status: 400, body: { error: parsed.reason } };
  }

  const { notification } = parsed;
  const stored = await inboxWriterFor(db).store({
    dedupeKey: notification.dedupeKey,
    body: json as Record<string, unknown>,
    headers: keptHeaders(request, trustedHops),
    dossierId: notification.dossierId,
    processId: notification.processId,
    hintedStatus: notification.hintedStatus,
  });

  // Nothing brings an erased person back: Assure's late or replayed notifications are acknowledged and dropped.
  if (stored === "erased") {
    countWebhook("erased");
    return { status: 200, body: { dropped: "erased" } };
  }
  if (stored === "duplicate") {
    countWebhook("duplicates");
    return { status: 200, body: { duplicate: true } };
  }
  countWebhook("accepted");
  return { status: 202, body: { accepted: true }, inboxId: stored };
}
