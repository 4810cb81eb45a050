import { describe, expect, it } from "vitest";
import { loadExample, loadExampleProcesses } from "../../tests/support/fixtures";
import { compareExtracted, compareVerdicts, type ComparisonTable } from "./result-comparison";

const rowOf = (table: ComparisonTable, key: string) => {
  const row = table.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};

describe("compareVerdicts", () => {
  it("puts the document verification next to the facial similarity and marks what is not clear", () => {
    const table = compareVerdicts(loadExample("rejected"));
    expect(table.columns).toEqual(["Document verification", "Facial similarity"]);
    expect(table.columnIds).toEqual(["documentVerification", "facialSimilarity"]);
    expect(rowOf(table, "subResult").cells).toEqual([
      { text: "rejected", kind: "value", tone: "flagged" },
      { text: "n/a", kind: "n/a", tone: "unknown" },
    ]);
    expect(rowOf(table, "result").cells.map((c) => [c.text, c.tone])).toEqual([["consider", "flagged"], ["consider", "flagged"]]);
    expect(rowOf(table, "imageIntegrity").cells.map((c) => c.text)).toEqual(["absent", "absent"]);
    expect(rowOf(table, "similarityScore").cells[1]).toMatchObject({ text: "medium", tone: "flagged" });
  });

  it("says why a column is empty", () => {
    expect(compareVerdicts(loadExample("canceled")).missing).toEqual(["Assure sent no document verification.", "Assure sent no facial similarity."]);
    expect(compareVerdicts({ processType: "document", providerSpecific: { documentVerification: { result: "clear" } } }).missing).toEqual([
      null,
      "Not part of a document-only process.",
    ]);
    // The page says it in its language by the reason.
    expect(compareVerdicts(loadExample("canceled")).missingIds).toEqual(["noDocumentVerification", "noFacialSimilarity"]);
    expect(compareVerdicts({ processType: "document", providerSpecific: { documentVerification: { result: "clear" } } }).missingIds).toEqual([null, "documentOnly"]);
  });
});

describe("compareExtracted", () => {
  it("shows finalResult next to the document verification, absent fields as absent", () => {
    const accepted = loadExample("accepted") as Record<string, Record<string, unknown>>;
    delete accepted.finalResult!.dateOfBirth;
    accepted.providerSpecific!.documentVerification = { ...accepted.providerSpecific!.documentVerification!, documentNumber: "1234567899", placeOfBirth: "LISBOA" };
    const table = compareExtracted(accepted);
    expect(rowOf(table, "dateOfBirth").cells.map((c) => c.text)).toEqual(["absent", "2002-04-29"]);
    expect(rowOf(table, "documentNumber")).toMatchObject({ differs: true });
    expect(rowOf(table, "firstName")).toMatchObject({ differs: false });
    expect(rowOf(table, "similarityScore").cells.map((c) => c.text)).toEqual(["high", "high"]);
    // A field Assure added is shown, not dropped; the MRZ lines have their own panel.
    expect(rowOf(table, "placeOfBirth").cells.map((c) => c.text)).toEqual(["absent", "LISBOA"]);
    expect(table.rows.some((r) => r.key.startsWith("mrzLine"))).toBe(false);
  });

  it("explains a missing finalResult for every example", () => {
    for (const { process } of loadExampleProcesses()) {
      const table = compareExtracted(process);
      expect(table.missing[0] === null).toBe(process.status === "accepted");
      expect(table.missingIds[0]).toBe(process.status === "accepted" ? null : "onlyAccepted");
    }
  });
});
