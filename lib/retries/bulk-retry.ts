import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireCapability, type Ctx } from "../auth/context";
import { answerFor } from "../error-answer";
import { DeskError, type DeskErrorOptions } from "../errors";
import { parseInput } from "../parse-input";
import { retryProcess, type RetryDeps } from "./retry-process";

/** The most processes one bulk retry takes: the queue offers the first this many of a larger set. */
export const BULK_RETRY_MAX = 500;

export const BulkRetryInput = z.object({
  /** The failed processes to retry (the list's filtered selection), at most a page's worth at a time. */
  processIds: z.array(z.string().min(1).max(200)).min(1).max(BULK_RETRY_MAX),
  /** Makes the whole request repeatable: each item's idempotency key derives from it. */
  bulkId: z.string().min(8).max(100).default(() => randomUUID()),
});

export interface BulkRetryItem {
  processId: string;
  ok: boolean;
  newProcessId: string | null;
  /** Why it did not start, in English: a refusal's message, or Assure's own words when it stopped a retry. */
  message: string | null;
  /** A refusal's code and values (lib/errors.ts; `unexpected` with the logged reference), for the page to say in the viewer's language. */
  code?: string;
  values?: DeskErrorOptions["values"];
}

/** A retry that failed: the refusal as the verb made it, or only the reference of an unexpected failure (logged here). */
export function failedItem(processId: string, error: unknown): BulkRetryItem {
  const answer = answerFor(error, "bulk retry");
  const failed = { processId, ok: false, newProcessId: null, message: answer.message };
  if (answer.ref) return { ...failed, code: "unexpected", values: { ref: answer.ref } };
  return error instanceof DeskError && error.code ? { ...failed, code: error.code, values: error.values } : failed;
}

/**
 * Retries each process in turn (after a provider outage, say) and reports each one's result; one
 * failure does not stop the others. Repeating the request with the same bulkId repeats nothing.
 */
export async function bulkRetry(ctx: Ctx, deps: RetryDeps, input: unknown, onProgress?: (done: number, total: number) => void) {
  requireCapability(ctx, "retries.write");
  const { processIds, bulkId } = parseInput(BulkRetryInput, input, "Invalid bulk retry");
  const items: BulkRetryItem[] = [];
  for (const processId of new Set(processIds)) {
    try {
      const retry = await retryProcess(ctx, deps, { processId, idempotencyKey: `${bulkId}:${processId}`, bulkId });
      items.push({ processId, ok: retry.state === "started", newProcessId: retry.newProcessId, message: retry.lastError });
    } catch (error) {
      items.push(failedItem(processId, error));
    }
    onProgress?.(items.length, processIds.length);
  }
  return { bulkId, items, succeeded: items.filter((i) => i.ok).length, failed: items.filter((i) => !i.ok).length };
}
