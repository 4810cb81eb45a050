import { startSimulator, type SimulatorHandle } from "../../simulator/server";
import { createAssureClient } from "../../lib/assure/client";
import type { RetryDeps } from "../../lib/retries/retry-process";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface RetryHarness {
  database: TestDatabase;
  simulator: SimulatorHandle;
  /** The real client against the simulator, no notification target, a cap of 3. */
  deps: RetryDeps;
  close(): Promise<void>;
}

/** A database and a simulator whose processes finish within 100 ms: what the retry verbs' tests run on. */
export async function startRetryHarness(): Promise<RetryHarness> {
  const [database, simulator] = await Promise.all([createTestDatabase(), startSimulator({ port: 0, finalDelayMs: { min: 50, max: 100 } })]);
  const assure = createAssureClient(
    { baseUrl: simulator.baseUrl, tokenUrl: simulator.tokenUrl, clientId: "desk-demo-client", clientSecret: "desk-demo-secret" },
    { retryBaseDelayMs: 5 },
  );
  return {
    database,
    simulator,
    deps: { assure, notification: null, cap: 3 },
    close: async () => {
      await Promise.all([database.dispose(), simulator.close()]);
    },
  };
}
