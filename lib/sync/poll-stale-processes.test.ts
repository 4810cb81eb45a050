import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processes } from "../../db/schema";
import { startSimulator, type SimulatorHandle } from "../../simulator/server";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createAssureClient, type AssureClient } from "../assure/client";
import { upsertProcess } from "../processes/upsert-process";
import { resultStore } from "../results/result-store";
import { pollStaleProcesses } from "./poll-stale-processes";

let database: TestDatabase;
let simulator: SimulatorHandle;
let assure: AssureClient;

beforeAll(async () => {
  [database, simulator] = await Promise.all([createTestDatabase(), startSimulator({ port: 0 })]);
  assure = createAssureClient(
    { baseUrl: simulator.baseUrl, tokenUrl: simulator.tokenUrl, clientId: "desk-demo-client", clientSecret: "desk-demo-secret" },
    { retryBaseDelayMs: 5 },
  );
});
afterAll(async () => {
  await Promise.all([database.dispose(), simulator.close()]);
});

/** What the desk would hold had the notification been lost: the process as it was an hour ago. */
async function storeAsStuck(dossierId: string, processId: string) {
  const anHourAgo = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
  await upsertProcess(database.db, {
    dossierId,
    process: { processId, status: "processing", provider: "onfido", createdAt: anHourAgo, updatedAt: anHourAgo },
    syncedAt: new Date(Date.now() - 3_600_000),
  });
}

describe("pollStaleProcesses", () => {
  it("reads a process stuck in processing and stores its final status and zip", async () => {
    const response = await fetch(`${simulator.controlUrl}/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "name-mismatch", delayMs: 0 }),
    });
    const run = (await response.json()) as { dossierId: string; processId: string; process: { status: string } };
    await storeAsStuck(run.dossierId, run.processId);

    const summary = await pollStaleProcesses(database.db, assure, { olderThanSeconds: 60 });
    expect(summary).toMatchObject({ polled: 1, changed: 1, failed: 0, gone: 0 });
    const [row] = await database.db.select().from(processes).where(eq(processes.processId, run.processId));
    expect(row?.status).toBe(run.process.status);
    expect(row?.status).not.toBe("processing");
    const zip = await resultStore(database.db).get(run.processId);
    expect(Buffer.from(zip!.subarray(0, 2)).toString("latin1")).toBe("PK");

    // Final now: not polled again.
    expect((await pollStaleProcesses(database.db, assure, { olderThanSeconds: 60 })).polled).toBe(0);
  });

  it("backs off from a process Assure no longer knows instead of asking every round", async () => {
    const processId = randomUUID();
    await storeAsStuck(randomUUID(), processId);
    expect(await pollStaleProcesses(database.db, assure, { olderThanSeconds: 60 })).toMatchObject({ polled: 1, gone: 1 });
    expect((await pollStaleProcesses(database.db, assure, { olderThanSeconds: 60 })).polled).toBe(0);
    const [row] = await database.db
      .select({ status: processes.status, fresh: sql<boolean>`${processes.lastSyncedAt} > now() - interval '1 minute'` })
      .from(processes)
      .where(eq(processes.processId, processId));
    expect(row).toEqual({ status: "processing", fresh: true });
  });
});
