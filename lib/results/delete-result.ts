import "server-only";
import type { Db, Tx } from "../../db/client";
import { deleteResults } from "./result-store";

/**
 * Deletes the stored full-result zips of these processes, wherever they are kept (database or file): the one
 * place a purge or an erasure removes document images, selfies and videos. Unpacked pictures live only in
 * each instance's result cache, which `forgetResults` (forget-results.ts) empties. Returns how many zips
 * were deleted.
 */
export function deleteStoredResults(tx: Db | Tx, processIds: readonly string[]): Promise<number> {
  return deleteResults(tx, processIds);
}
