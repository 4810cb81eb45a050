import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { processResults } from "../../db/schema";

/**
 * Where full-result zips live. Signicat deletes its copy after a retention period, so ours is what keeps
 * a review readable. PostgreSQL is the default store: every desk instance sharing the database sees every
 * zip. An object store can be added behind the same interface (the row then keeps its key).
 */
export interface ResultStore {
  put(processId: string, zip: Uint8Array): Promise<StoredResult>;
  get(processId: string): Promise<Uint8Array | null>;
  describe(processId: string): Promise<StoredResult | null>;
}

export interface StoredResult {
  processId: string;
  sizeBytes: number;
  sha256: string;
  storedAt: Date;
}

export function postgresResultStore(db: Db | Tx): ResultStore {
  const described = {
    processId: processResults.processId,
    sizeBytes: processResults.sizeBytes,
    sha256: processResults.sha256,
    storedAt: processResults.storedAt,
  };
  return {
    async put(processId, zip) {
      const sha256 = createHash("sha256").update(zip).digest("hex");
      const [row] = await db
        .insert(processResults)
        .values({ processId, storage: "postgres", content: zip, sizeBytes: zip.byteLength, sha256 })
        .onConflictDoUpdate({
          target: processResults.processId,
          // `excluded`: the zip travels to the server once, not twice (hex-encoded, it is twice its size).
          set: { content: sql`excluded.content`, sizeBytes: sql`excluded.size_bytes`, sha256: sql`excluded.sha256`, storedAt: sql`now()` },
        })
        .returning(described);
      return row!;
    },
    async get(processId) {
      const [row] = await db
        .select({ content: processResults.content })
        .from(processResults)
        .where(eq(processResults.processId, processId));
      return row?.content ? new Uint8Array(row.content) : null;
    },
    async describe(processId) {
      const [row] = await db.select(described).from(processResults).where(eq(processResults.processId, processId));
      return row ?? null;
    },
  };
}
