import { describe, expect, it } from "vitest";
import { sampleDocumentReport, sampleFacialReport } from "../results/testing/sample-result";
import { buildReportTree, type TreeNode } from "./report-tree";
import { OnfidoReportSchema } from "./report-schemas";

const tree = (report: Record<string, unknown>) => buildReportTree(OnfidoReportSchema.parse(report));
const node = (nodes: TreeNode[], path: string): TreeNode => {
  const [head, ...rest] = path.split(".");
  const found = nodes.find((n) => n.key === head);
  if (!found) throw new Error(`no node ${path}`);
  return rest.length === 0 ? found : node(found.children, rest.join("."));
};

describe("buildReportTree", () => {
  it("reads breakdowns and sub-breakdowns, in Onfido's order, with flagged reasons", () => {
    const report = tree(sampleDocumentReport({ flags: { "image_integrity.image_quality": ["blurred_photo", "glare_on_photo"] } }));
    expect(report).toMatchObject({ name: "document", result: "consider", resultTone: "flagged", subResult: "rejected" });
    expect(report.breakdowns.map((b) => b.key)).toEqual([
      "image_integrity", "visual_authenticity", "data_validation", "data_consistency", "data_comparison", "compromised_document", "police_record", "age_validation",
    ]);
    const quality = node(report.breakdowns, "image_integrity.image_quality");
    expect(quality).toMatchObject({ id: "image_integrity.image_quality", label: "image quality", result: "consider", tone: "flagged" });
    expect(quality.reasons).toEqual([
      { key: "blurred_photo", label: "blurred photo", value: "consider", flagged: true, explain: "reasons.blurred_photo" },
      { key: "glare_on_photo", label: "glare on photo", value: "consider", flagged: true, explain: "reasons.glare_on_photo" },
    ]);
    expect(node(report.breakdowns, "police_record")).toMatchObject({ result: "clear", children: [] });
    expect(report.properties.find((p) => p.key === "document_numbers")?.value).toBe('[{"type":"document_number","value":"00000000"}]');
  });

  it("shows a null result as not performed, at every level", () => {
    const raw = sampleDocumentReport({ nulls: ["visual_authenticity.other"] });
    (raw.breakdown as Record<string, unknown>).issuing_authority = {
      result: null,
      breakdown: { nfc_active_authentication: { result: null, properties: {} } },
    };
    const report = tree({ ...raw, result: null, sub_result: null });
    expect(report.result).toBe("not performed");
    expect(report.subResult).toBe("not performed");
    expect(node(report.breakdowns, "visual_authenticity.other")).toMatchObject({ result: "not performed", tone: "not-performed" });
    expect(node(report.breakdowns, "issuing_authority")).toMatchObject({ result: "not performed", tone: "not-performed" });
    expect(report.breakdowns.at(-1)?.key).toBe("issuing_authority");
  });

  it("keeps keys it does not know, at the top, in breakdowns and in sub-breakdowns", () => {
    const raw = sampleDocumentReport({ extra: { risk_level: "low", experimental: { a: 1 } } });
    const breakdown = raw.breakdown as Record<string, Record<string, unknown>>;
    breakdown.quantum_check = { result: "unidentified", breakdown: { entanglement: { result: "consider", properties: { spin: "up" } } }, note: "beta" };
    (breakdown.data_validation!.breakdown as Record<string, unknown>).mrz = { result: "clear", properties: { lines: 2 }, confidence: 0.9 };
    (breakdown.visual_authenticity!.breakdown as Record<string, unknown>).odd = "not an object";
    const report = tree(raw);
    expect(report.extra).toEqual([
      { key: "risk_level", label: "risk level", value: "low" },
      { key: "experimental", label: "experimental", value: '{"a":1}' },
    ]);
    const quantum = node(report.breakdowns, "quantum_check");
    expect(quantum).toMatchObject({ result: "unidentified", tone: "flagged", extra: [{ key: "note", value: "beta" }] });
    expect(quantum.children[0]).toMatchObject({ key: "entanglement", properties: [{ key: "spin", value: "up" }] });
    expect(node(report.breakdowns, "data_validation.mrz")).toMatchObject({ properties: [{ key: "lines", value: "2" }], extra: [{ key: "confidence", value: "0.9" }] });
    expect(node(report.breakdowns, "visual_authenticity.odd")).toMatchObject({ result: "not an object", tone: "unknown" });
  });

  it("reads a facial similarity report's scores as properties", () => {
    const report = tree(sampleFacialReport({ faceMatch: 0.31 }));
    // Facial similarity reports always carry a null sub_result: there is nothing to show.
    expect(report.subResult).toBeNull();
    const match = node(report.breakdowns, "face_comparison.face_match");
    expect(match).toMatchObject({ result: "consider", tone: "flagged" });
    expect(match.properties.find((p) => p.key === "score")?.value).toBe("0.31");
  });

  it("names the message explaining each breakdown it knows, by the report's kind and the path", () => {
    const document = tree(sampleDocumentReport({ flags: { "visual_authenticity.original_document_present": ["photo_of_screen"] } }));
    expect(document.kind).toBe("document");
    expect(node(document.breakdowns, "image_integrity").explain).toBe("document.image_integrity.about");
    expect(node(document.breakdowns, "police_record").explain).toBe("document.police_record.about");
    const original = node(document.breakdowns, "visual_authenticity.original_document_present");
    expect(original.explain).toBe("document.visual_authenticity.original_document_present");
    expect(original.reasons.find((r) => r.key === "photo_of_screen")?.explain).toBe("reasons.photo_of_screen");
    // The same breakdown name means something else in a facial similarity report.
    const facial = tree(sampleFacialReport({ faceMatch: 0.31 }));
    expect(facial.kind).toBe("facial");
    expect(node(facial.breakdowns, "image_integrity").explain).toBe("facial.image_integrity.about");
    expect(node(facial.breakdowns, "face_comparison.face_match").explain).toBe("facial.face_comparison.face_match");
  });

  it("explains nothing it does not know, and tells an absent result from one not performed", () => {
    const raw = sampleDocumentReport({});
    const breakdown = raw.breakdown as Record<string, Record<string, unknown>>;
    breakdown.quantum_check = { breakdown: { entanglement: { result: "consider" } } };
    const report = tree(raw);
    expect(node(report.breakdowns, "quantum_check")).toMatchObject({ explain: null, result: "absent", resultAbsent: true });
    expect(node(report.breakdowns, "quantum_check.entanglement")).toMatchObject({ explain: null, resultAbsent: false });
    expect(tree({ ...sampleFacialReport({}), name: "watchlist_aml" })).toMatchObject({ kind: null });
    expect(tree({ ...sampleFacialReport({}), name: "watchlist_aml" }).breakdowns.every((b) => b.explain === null)).toBe(true);
  });
});
