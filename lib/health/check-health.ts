import "server-only";
import type { Database } from "../../db/client";

export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; engine?: Database["engine"]; latencyMs?: number; error?: string };
}

const TIMEOUT_MS = 2_000;

/** Checks that the database answers a query within a short time. Never throws. */
export async function checkHealth(open: () => Promise<Database>): Promise<HealthReport> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const database = await open();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    await Promise.race([database.query("select 1"), timeout]);
    return {
      ok: true,
      database: { ok: true, engine: database.engine, latencyMs: Math.round(performance.now() - started) },
    };
  } catch (error) {
    // The message names the failure (refused, timed out) without connection strings or credentials.
    const message = error instanceof Error ? error.message.replace(/postgres(ql)?:\/\/\S+/g, "[url]") : "unknown";
    return { ok: false, database: { ok: false, error: message } };
  } finally {
    clearTimeout(timer);
  }
}
