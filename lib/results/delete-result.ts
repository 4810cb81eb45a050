import { inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { processResults } from "../../db/schema";

/**
 * Deletes the stored full-result zips of these processes, wherever they are kept: the one place a purge or
 * an erasure removes document images, selfies and videos. Unpacked pictures live only in each instance's
 * result cache, which `forgetResults` (forget-results.ts) empties. Returns how many zips were deleted.
 */
export async function deleteStoredResults(tx: Db | Tx, processIds: readonly string[]): Promise<number> {
  if (processIds.length === 0) return 0;
  const deleted = await tx
    .delete(processResults)
    .where(inArray(processResults.processId, [...processIds]))
    .returning({ processId: processResults.processId });
  return deleted.length;
}
