import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Assure sends back, as the `Authorization` header, the `authorizationHeader` value the desk gave at
 * create process ([inferred] in lib/assure/README.md): `Bearer <ASSURE_WEBHOOK_SECRET>`. The Events envelope's
 * signing scheme is not published either; we configure the same shared secret for it, sent the same way.
 */
export function webhookAuthorizationHeader(secret: string): string {
  return `Bearer ${secret}`;
}

/** Constant time whatever the lengths: both sides are hashed first, so the compare sees equal lengths. */
export function isAuthorizedNotification(header: string | null, secret: string): boolean {
  if (!header || !secret) return false;
  const expected = createHash("sha256").update(webhookAuthorizationHeader(secret)).digest();
  const given = createHash("sha256").update(header.trim()).digest();
  return timingSafeEqual(expected, given);
}
