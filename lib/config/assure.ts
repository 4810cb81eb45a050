import { ASSURE_DEFAULT_TOKEN_URL, type AssureConfigInput } from "../assure/config";
import { webhookAuthorizationHeader } from "../webhooks/authenticate";
import type { Env } from "./env";

/** The Assure account this desk talks to, from the environment; null when none is configured. */
export function assureConfigFromEnv(env: Env): AssureConfigInput | null {
  if (!env.ASSURE_BASE_URL || !env.ASSURE_CLIENT_ID || !env.ASSURE_CLIENT_SECRET) return null;
  return {
    baseUrl: env.ASSURE_BASE_URL,
    tokenUrl: env.ASSURE_TOKEN_URL ?? ASSURE_DEFAULT_TOKEN_URL,
    clientId: env.ASSURE_CLIENT_ID,
    clientSecret: env.ASSURE_CLIENT_SECRET,
    scope: env.ASSURE_SCOPE,
    timeoutMs: env.ASSURE_TIMEOUT_MS,
  };
}

/** Where Assure posts notifications, and what it must send back: given with every process we create. */
export function notificationTarget(env: Env): { notificationUrl: string; authorizationHeader: string } | null {
  if (!env.ASSURE_WEBHOOK_SECRET) return null;
  const base = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return {
    notificationUrl: `${base}/api/webhooks/assure`,
    authorizationHeader: webhookAuthorizationHeader(env.ASSURE_WEBHOOK_SECRET),
  };
}
