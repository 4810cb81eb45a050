import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processes, processResultRefusals, processResults } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createAssureClient } from "../assure/client";
import { startAssureTestServer, testConfig, type TestServer } from "../assure/test-server";
import { DEFAULT_RESULT_LIMITS } from "../results/result-limits";
import { getResultView } from "../results/result-view";
import { buildSampleZip } from "../results/testing/sample-result";
import { seedProcesses, uniqueDay } from "./testing/seed-processes";
import { downloadResult, storeResult } from "./refresh-process";

let database: TestDatabase;
let server: TestServer;
/** What the fake Assure answers for a full result: a real zip, or one chunk more than the desk downloads. */
let answer: "zip" | "too-large" = "zip";
let zip: Uint8Array;

beforeAll(async () => {
  database = await createTestDatabase();
  zip = await buildSampleZip([{ path: "a.json", content: { a: 1 } }]);
  server = await startAssureTestServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/zip" });
    if (answer === "zip") return void response.end(Buffer.from(zip));
    // Chunked, without Content-Length: only counting the stream finds it too long. Written as the
    // client reads, so that neither side holds more than the cap.
    const chunk = Buffer.alloc(1024 * 1024);
    let left = DEFAULT_RESULT_LIMITS.maxZipBytes / chunk.length + 1;
    const write = () => {
      while (left > 0) {
        left -= 1;
        if (!response.write(chunk)) return void response.once("drain", write);
      }
      response.end();
    };
    response.on("error", () => {});
    write();
  });
});
afterAll(async () => {
  await server.close();
  await database.dispose();
});

describe("storeResult", () => {
  it("stops a download past the 64 MiB the desk opens, stores nothing, and the result view says so", async () => {
    const assure = createAssureClient({ ...testConfig(server.url), timeoutMs: 60_000 });
    const [process] = await seedProcesses(database.db, uniqueDay(), [{ status: "accepted" }]);
    const { dossierId, processId } = process!;

    answer = "too-large";
    expect(await storeResult(database.db, assure, dossierId, processId)).toBe("too-large");
    expect(await database.db.select().from(processResults).where(eq(processResults.processId, processId))).toEqual([]);
    // One request: the same download would be cut off again, so it is not retried.
    expect(server.requestsTo("/assure")).toHaveLength(1);
    const view = await getResultView(database.db, processId);
    expect(view).toMatchObject({ state: "none", tooLarge: { limitText: "64.0 MiB", declaredText: null } });

    // Should Assure later answer with a zip the desk opens, it is stored and the refusal is gone.
    answer = "zip";
    expect(await storeResult(database.db, assure, dossierId, processId)).toBe("stored");
    expect(await database.db.select().from(processResultRefusals).where(eq(processResultRefusals.processId, processId))).toEqual([]);
    expect((await getResultView(database.db, processId)).state).toBe("ready");
  }, 60_000);

  it("stores each process's own zip, keeps one it holds, and gives a purged process none", async () => {
    answer = "zip";
    const assure = createAssureClient(testConfig(server.url));
    const [first, second, purged] = await seedProcesses(database.db, uniqueDay(), [{ status: "accepted" }, { status: "rejected" }, { status: "accepted" }]);
    const downloads = () => server.requestsTo("/assure").length;

    expect(await storeResult(database.db, assure, first!.dossierId, first!.processId)).toBe("stored");
    // Another process's stored zip says nothing about this one's.
    expect(await storeResult(database.db, assure, second!.dossierId, second!.processId)).toBe("stored");
    const before = downloads();
    expect(await storeResult(database.db, assure, first!.dossierId, first!.processId)).toBe("kept");
    expect(downloads()).toBe(before);

    await database.db.update(processes).set({ purgedAt: new Date() }).where(eq(processes.processId, purged!.processId));
    expect(await storeResult(database.db, assure, purged!.dossierId, purged!.processId)).toBe("none");
    expect(await downloadResult(database.db, assure, purged!.dossierId, purged!.processId)).toBe("none");
    expect(downloads()).toBe(before);
    expect(await database.db.select().from(processResults).where(eq(processResults.processId, purged!.processId))).toEqual([]);
  });
});

