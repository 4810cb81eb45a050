import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../../db/client";
import { answerFor, errorBody } from "../error-answer";
import { newRequestId, withRequestId } from "../log/request-context";
import securityHeaders from "../security/security-headers.json";
import { readMessageWithLimit } from "./read-body";
import { receiveNotification, type NotificationRequest } from "./receive-notification";

export const WEBHOOK_PATH = "/api/webhooks/assure";

/** Only the POST itself: anything else on the path (a GET, a trailing slash) is left to Next.js. */
export function isWebhookPost(request: IncomingMessage): boolean {
  if (request.method !== "POST" || !request.url) return false;
  const query = request.url.indexOf("?");
  return (query === -1 ? request.url : request.url.slice(0, query)) === WEBHOOK_PATH;
}

export interface WebhookListenerOptions {
  db: () => Promise<Db>;
  /** Read for each request, as the route handler reads the configuration. */
  settings: () => { secret: string | undefined; trustedHops: number };
  /** A new row is in the inbox; called once the answer is sent. */
  stored: () => void;
}

function fromMessage(message: IncomingMessage): NotificationRequest {
  return {
    header: (name) => {
      const value = message.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    headers: message.headers,
    text: (limit) => readMessageWithLimit(message, limit),
  };
}

const JSON_ANSWER_HEADERS: Record<string, string> = {
  ...Object.fromEntries(securityHeaders.map((h) => [h.key, h.value])),
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
};

/**
 * Assure's notifications, answered by the desk server's own Node.js listener in front of Next.js
 * (scripts/serve.ts). This one route is the desk's hot path, and Next.js's request handling was most of its
 * cost: ~2 ms of CPU a notification, so that at 500/s acknowledging alone took a core. What it does is
 * exactly the route handler's (app/api/webhooks/assure/route.ts): the same `receiveNotification`, the same
 * answers, the same security headers (lib/security/security-headers.json), a request id on every log line,
 * and an unexpected failure answered 500 with a reference to the logged details. proxy.ts never saw this
 * route (it authenticates by the shared secret), so nothing of it is skipped.
 */
export function createWebhookListener(options: WebhookListenerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const proposed = request.headers["x-request-id"];
    void withRequestId(newRequestId(typeof proposed === "string" ? proposed : null), () => answer(request, response, options));
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, options: WebhookListenerOptions): Promise<void> {
  let status: number;
  let body: Record<string, unknown>;
  let stored = false;
  try {
    const { secret, trustedHops } = options.settings();
    const answer = await receiveNotification(await options.db(), fromMessage(request), secret, trustedHops);
    ({ status, body } = answer);
    stored = answer.inboxId !== undefined;
  } catch (error) {
    // receiveNotification answers what the sender got wrong; this is the desk failing (its database, say).
    const failure = answerFor(error, "webhook listener");
    status = failure.status;
    body = errorBody(failure);
  }
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = { ...JSON_ANSWER_HEADERS, "Content-Length": Buffer.byteLength(text) };
  // A body left unread (refused before or while reading it) is not read to its end to keep the connection.
  if (!request.complete) headers.Connection = "close";
  response.writeHead(status, headers).end(text);
  if (stored) options.stored();
}
