/**
 * Counts of what the webhook route turned away, per instance. Refused requests are counted and nothing
 * else of them is kept: a forged or malformed body never reaches the database.
 */
export const webhookCounters = {
  unauthorized: 0,
  malformed: 0,
  tooLarge: 0,
  duplicates: 0,
  /** For an erased dossier: answered 200, stored nowhere. */
  erased: 0,
  accepted: 0,
};

export type WebhookCounter = keyof typeof webhookCounters;

export function countWebhook(counter: WebhookCounter): void {
  webhookCounters[counter] += 1;
}
