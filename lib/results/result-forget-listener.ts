import postgres from "postgres";
import { forgetResultsLocally, RESULT_FORGET_CHANNEL } from "./forget-results";

/**
 * Listens on the forget channel with a connection of its own (LISTEN needs one that is not pooled) and
 * drops the named results from this instance's caches. Returns the stop function.
 */
export async function startResultForgetListener(url: string, log: (line: string) => void = () => {}): Promise<() => Promise<void>> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "assure-review-desk-forget" } });
  const subscription = await client.listen(
    RESULT_FORGET_CHANNEL,
    (payload) => forgetResultsLocally(payload.split(",").filter(Boolean)),
    // postgres.js listens again after a reconnect; what was purged meanwhile is gone from the store anyway.
    () => log("result cache: listening for purged results"),
  );
  return async () => {
    await subscription.unlisten();
    await client.end({ timeout: 5 });
  };
}
