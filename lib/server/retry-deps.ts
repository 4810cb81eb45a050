import "server-only";
import { DOCUMENT_TYPES } from "../assure/schemas";
import { getEnv } from "../config";
import { notificationTarget } from "../config/assure";
import type { RetryDeps } from "../retries/retry-process";
import { getAssureClient } from "./assure";

export function getRetryDeps(): RetryDeps {
  const env = getEnv();
  return { assure: getAssureClient(), notification: notificationTarget(env), cap: env.RETRY_CAP };
}

let documentTypes: { at: number; types: string[] } | undefined;

/**
 * The document types Assure offers for Onfido, for the retry dialog; kept an hour. When Assure cannot
 * be asked, the documented four are offered and the dialog says so.
 */
export async function getDocumentTypeChoices(): Promise<{ types: string[]; fromAssure: boolean }> {
  if (documentTypes && Date.now() - documentTypes.at < 3_600_000) return { types: documentTypes.types, fromAssure: true };
  try {
    const entries = await getAssureClient().getDocumentTypes();
    const types = [...new Set(entries.map((e) => e.documentType))].filter((t) => (DOCUMENT_TYPES as readonly string[]).includes(t));
    documentTypes = { at: Date.now(), types };
    return { types, fromAssure: true };
  } catch {
    return { types: [...DOCUMENT_TYPES], fromAssure: false };
  }
}
