import { describe, expect, it } from "vitest";
import { JSON_VIEW_LIMIT, buildResultView } from "./result-view";
import { buildSampleZip, sampleDocumentReport, sampleJpeg } from "./testing/sample-result";
import { unpackResult } from "./unpack-result";

const stored = { processId: "p-1", sizeBytes: 10, sha256: "b".repeat(64), storedAt: new Date("2024-05-01T10:00:00Z") };

describe("buildResultView", () => {
  it("sends only the start of a very large JSON file, and notes what the zip lacks", async () => {
    const big = { padding: "x".repeat(JSON_VIEW_LIMIT + 10) };
    const zip = await buildSampleZip([
      { path: "big.json", content: big },
      { path: "selfie.jpg", content: sampleJpeg(8, 8) },
      { path: "front.jpg", content: sampleJpeg(8, 8) },
    ]);
    const view = buildResultView("p-1", { state: "ready", stored, result: await unpackResult(zip) });
    if (view.state !== "ready") throw new Error("expected a ready view");
    expect(view.json[0]).toMatchObject({ path: "big.json", truncated: true, label: "Other JSON" });
    expect(view.json[0]!.text).toHaveLength(JSON_VIEW_LIMIT);
    // The document first, then the person, whatever order the zip has.
    expect(view.media.map((m) => m.label)).toEqual(["Document front", "Selfie"]);
    expect(view.warnings).toEqual([{ key: "noReport" }]);
    expect(view.stored).toMatchObject({ sizeText: "10 B", storedAt: "2024-05-01T10:00:00.000Z", zipUrl: "/api/processes/p-1/result" });
  });

  it("warns when the zip's process object or the check's reports do not fit", async () => {
    const zip = await buildSampleZip([
      { path: "p.json", content: { processId: "someone-else", status: "accepted" } },
      { path: "c.json", content: { id: "c", report_ids: ["r-missing"] } },
      { path: "d.json", content: sampleDocumentReport() },
    ]);
    const view = buildResultView("p-1", { state: "ready", stored, result: await unpackResult(zip) });
    expect(view.state === "ready" && view.warnings).toEqual([
      { key: "otherProcess", values: { processId: "someone-else" } },
      { key: "missingReport", values: { id: "r-missing" } },
    ]);
  });
});
