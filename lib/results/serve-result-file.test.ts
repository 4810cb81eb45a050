import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { eq } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import type { Ctx } from "../auth/context";
import { Forbidden, InvalidInput, NotFound } from "../errors";
import { errorResponse, fileResponse, parseRange } from "./file-response";
import { createResultLoader } from "./load-result";
import { UnreadableResultError } from "./result-errors";
import { resultStore } from "./result-store";
import { getResultMediaFile, getResultZipFile } from "./serve-result-file";
import { seedSampleProcess } from "./testing/seed-sample";

let database: TestDatabase;
let compliance: Ctx;
let support: Ctx;
beforeAll(async () => {
  database = await createTestDatabase();
  [compliance, support] = await Promise.all([staffCtx(database.db, "compliance"), staffCtx(database.db, "support")]);
});
afterAll(async () => {
  await database.dispose();
});

const loader = createResultLoader();

describe("getResultZipFile", () => {
  it("serves the stored zip as an attachment, byte for byte", async () => {
    const { processId } = await seedSampleProcess(database.db);
    const file = await getResultZipFile(compliance, { processId });
    const stored = await resultStore(database.db).get(processId);
    expect(Buffer.from(file.body).equals(Buffer.from(stored!))).toBe(true);
    const response = fileResponse(file);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="assure-result-${processId}.zip"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-length": String(stored!.byteLength),
    });
  });

  it("answers 404 without a zip and 400 for an odd id", async () => {
    const { processId } = await seedSampleProcess(database.db, { zip: null });
    await expect(getResultZipFile(compliance, { processId })).rejects.toBeInstanceOf(NotFound);
    await expect(getResultZipFile(compliance, { processId: "../../etc" })).rejects.toBeInstanceOf(InvalidInput);
    expect(errorResponse(new NotFound("none")).status).toBe(404);
  });
});

describe("getResultMediaFile", () => {
  it("serves a picture inline with the sniffed content type", async () => {
    const { processId } = await seedSampleProcess(database.db);
    const file = await getResultMediaFile(compliance, { processId, slug: "selfie" }, loader);
    expect(file).toMatchObject({ contentType: "image/jpeg", filename: "selfie.jpg", disposition: "inline" });
    expect(Array.from(file.body.subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
    const response = fileResponse(file);
    expect(response.headers.get("content-disposition")).toBe('inline; filename="selfie.jpg"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer()).byteLength).toBe(file.body.byteLength);
  });

  it("answers 404 for a file the result does not hold, 422 for a refused zip, 400 for a bad name", async () => {
    const { processId } = await seedSampleProcess(database.db);
    await expect(getResultMediaFile(compliance, { processId, slug: "portrait" }, loader)).rejects.toBeInstanceOf(NotFound);
    await expect(getResultMediaFile(compliance, { processId, slug: "../process" }, loader)).rejects.toBeInstanceOf(InvalidInput);
    const broken = await seedSampleProcess(database.db, { zip: new Uint8Array(64) });
    const error = await getResultMediaFile(compliance, { processId: broken.processId, slug: "front" }, loader).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableResultError);
    const response = errorResponse(error);
    expect(response.status).toBe(422);
    expect(await response.text()).toBe("The stored result is not a zip file.");
    expect(errorResponse(new Error("secret detail")).status).toBe(500);
  });

  it("serves byte ranges for the video player", async () => {
    const file = { body: new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), contentType: "video/mp4", filename: "video.mp4", disposition: "inline" as const };
    const partial = fileResponse(file, "bytes=2-4");
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 2-4/10");
    expect(Array.from(new Uint8Array(await partial.arrayBuffer()))).toEqual([2, 3, 4]);
    expect(parseRange("bytes=-3", 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange("bytes=8-", 10)).toEqual({ start: 8, end: 9 });
    expect(parseRange("bytes=20-30", 10)).toBe("unsatisfiable");
    expect(parseRange("items=1-2", 10)).toBeNull();
    expect(fileResponse(file, "bytes=20-").status).toBe(416);
  });
});

describe("who may read full results", () => {
  it("refuses support before reading a byte, and audits every download and picture view", async () => {
    const { processId } = await seedSampleProcess(database.db);
    await expect(getResultZipFile(support, { processId })).rejects.toBeInstanceOf(Forbidden);
    await expect(getResultMediaFile(support, { processId, slug: "front" }, loader)).rejects.toBeInstanceOf(Forbidden);
    await getResultZipFile(compliance, { processId });
    await getResultMediaFile(compliance, { processId, slug: "selfie" }, loader);
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.processId, processId)).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.actorRole])).toEqual([
      ["result.download", "compliance"],
      ["result.view_media", "compliance"],
    ]);
    expect(rows[1]?.details).toEqual({ slug: "selfie" });
  });
});
