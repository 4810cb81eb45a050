import { describe, expect, it } from "vitest";
import { buildSampleZip, sampleDocumentReport, sampleJpeg } from "../results/testing/sample-result";
import { reportsOfZip } from "./store-findings";

describe("reportsOfZip", () => {
  it("finds the reports, named .json or small, without the pictures", async () => {
    const zip = await buildSampleZip([
      { path: "onfido/reports/document.json", content: sampleDocumentReport() },
      { path: "onfido/reports/facial", content: { ...sampleDocumentReport(), name: "document_video" } },
      { path: "media/front.jpg", content: sampleJpeg(2000, 1260) },
    ]);
    const reports = await reportsOfZip(zip);
    expect(reports?.map((r) => r.name).sort()).toEqual(["document", "document_video"]);
  });

  it("answers null for a zip the desk refuses to open", async () => {
    expect(await reportsOfZip(new Uint8Array([1, 2, 3, 4]))).toBeNull();
  });
});
