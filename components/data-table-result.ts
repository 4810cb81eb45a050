import { InvalidInput } from "@/lib/errors";

/**
 * A table query's answer as a value that can cross from a server component to a client one: rows, or
 * the reason the view is not valid (a damaged page link, a look-up too short). Any other failure stays
 * an exception and reaches the error boundary: it is never turned into an empty table.
 */
export type TableResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function settleTableQuery<T>(query: Promise<T>): Promise<TableResult<T>> {
  return query.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => {
      if (error instanceof InvalidInput) return { ok: false as const, message: error.message };
      throw error;
    },
  );
}
