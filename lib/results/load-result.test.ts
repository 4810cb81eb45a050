import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createResultLoader, estimateResultBytes } from "./load-result";
import { createByteLruCache } from "./result-cache";
import { UnsafeResultError } from "./result-errors";
import { resultStore } from "./result-store";
import { getResultView } from "./result-view";
import { buildSampleZip } from "./testing/sample-result";
import { inconclusiveZipEntries, seedSampleProcess } from "./testing/seed-sample";
import { unpackResult } from "./unpack-result";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

function countingLoader(cacheBytes = 64 * 1024 * 1024) {
  // Loaders with their own caches: each test counts its own unzips.
  const calls: string[] = [];
  const loader = createResultLoader({
    cache: createByteLruCache({ maxBytes: cacheBytes, maxEntries: 8 }),
    unpack: (bytes, limits) => {
      calls.push(String(bytes.byteLength));
      return unpackResult(bytes, limits);
    },
  });
  return { loader, calls };
}

describe("the result loader's cache", () => {
  it("unzips a result once, serves the second view from memory, and unzips again when the zip changes", async () => {
    const { processId, process } = await seedSampleProcess(database.db);
    const { loader, calls } = countingLoader();

    const first = await loader(database.db, processId);
    const second = await loader(database.db, processId);
    expect(first.state).toBe("ready");
    expect(calls).toHaveLength(1);
    expect(second.state === "ready" && first.state === "ready" && second.result === first.result).toBe(true);

    await resultStore(database.db).put(processId, await buildSampleZip(inconclusiveZipEntries(process, { imageWidth: 100 })));
    const third = await loader(database.db, processId);
    expect(calls).toHaveLength(2);
    expect(third.state === "ready" && third.stored.sha256).not.toBe(first.state === "ready" && first.stored.sha256);
  });

  it("shares one unzip between concurrent views and caches a refusal too", async () => {
    const { processId } = await seedSampleProcess(database.db);
    const { loader, calls } = countingLoader();
    await Promise.all([loader(database.db, processId), loader(database.db, processId), loader(database.db, processId)]);
    expect(calls).toHaveLength(1);

    const hostile = await seedSampleProcess(database.db, { zip: new TextEncoder().encode("PK\u0003\u0004 the start of a zip, and then nothing") });
    const refused = await loader(database.db, hostile.processId);
    await loader(database.db, hostile.processId);
    expect(refused).toMatchObject({ state: "refused", error: { reason: "truncated" } });
    expect(calls).toHaveLength(2);
  });

  it("answers none without a zip, and unzips again after eviction", async () => {
    const bare = await seedSampleProcess(database.db, { zip: null });
    const a = await seedSampleProcess(database.db);
    const b = await seedSampleProcess(database.db);
    const sized = await countingLoader().loader(database.db, a.processId);
    if (sized.state !== "ready") throw new Error("expected a ready result");
    // Room for one result and a half: the second pushes the first out.
    const { loader, calls } = countingLoader(Math.round(estimateResultBytes(sized.result) * 1.5));
    expect(await loader(database.db, bare.processId)).toEqual({ state: "none" });
    expect(calls).toHaveLength(0);

    await loader(database.db, a.processId);
    await loader(database.db, b.processId);
    await loader(database.db, a.processId);
    expect(calls).toHaveLength(3);
  });
});

describe("getResultView", () => {
  it("builds the page's view: trees, summaries, media links and raw JSON", async () => {
    const { processId } = await seedSampleProcess(database.db);
    const view = await getResultView(database.db, processId, countingLoader().loader);
    if (view.state !== "ready") throw new Error(`expected a ready view, got ${view.state}`);
    expect(view.trees.map((t) => t.name)).toEqual(["document", "facial_similarity_photo"]);
    expect(view.facial).toMatchObject({ faceMatch: { score: 0.31, tone: "flagged" }, faceMatchLevel: "low", spoofing: { score: 0.88 } });
    expect(view.check).toMatchObject({ status: "complete", result: "consider" });
    expect(view.check?.reports.every((r) => r.name !== null)).toBe(true);
    expect(view.media.map((m) => [m.kind, m.url])).toEqual([
      ["front", `/api/processes/${processId}/result/media/front`],
      ["back", `/api/processes/${processId}/result/media/back`],
      ["selfie", `/api/processes/${processId}/result/media/selfie`],
    ]);
    expect(view.json.map((j) => j.role).sort()).toEqual(["check", "process", "report", "report"]);
    expect(view.warnings).toEqual([]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("says why a refused zip is not shown", async () => {
    const { processId } = await seedSampleProcess(database.db, { extra: [{ path: "x".repeat(300), content: {} }] });
    const view = await getResultView(database.db, processId, countingLoader().loader);
    expect(view).toMatchObject({ state: "refused", kind: "unsafe", reason: "entry-name" });
    expect(view.state === "refused" && view.message).toMatch(/longer than 255 bytes/);
    expect(new UnsafeResultError("entry-name", "x").status).toBe(422);
  });
});
