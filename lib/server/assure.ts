import "server-only";
import { createAssureClient, type AssureClient } from "../assure/client";
import { getEnv } from "../config";
import { assureConfigFromEnv } from "../config/assure";
import { UpstreamUnavailable } from "../errors";

const globalForAssure = globalThis as unknown as { deskAssure?: AssureClient };

/** The app's one Assure client (its token cache is shared by every request of this instance). */
export function getAssureClient(): AssureClient {
  if (globalForAssure.deskAssure) return globalForAssure.deskAssure;
  const config = assureConfigFromEnv(getEnv());
  if (!config) throw new UpstreamUnavailable("Assure is not configured: set ASSURE_BASE_URL and its credentials");
  globalForAssure.deskAssure = createAssureClient(config);
  return globalForAssure.deskAssure;
}
