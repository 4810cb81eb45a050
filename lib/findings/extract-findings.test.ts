import { describe, expect, it } from "vitest";
import { runOnfido } from "../../simulator/onfido/run-onfido";
import { SCENARIOS } from "../../simulator/scenarios/registry";
import { OnfidoReportSchema, type OnfidoReport } from "../onfido/report-schemas";
import { inconclusiveProcess, inconclusiveZipEntries } from "../results/testing/seed-sample";
import { extractFindings, type Finding } from "./extract-findings";

const asReport = (value: unknown): OnfidoReport => OnfidoReportSchema.parse(value);
const byPath = (rows: Finding[]) => new Map(rows.map((row) => [row.path, row]));

describe("findings of the seed's example result", () => {
  const entries = inconclusiveZipEntries(inconclusiveProcess());
  const reports = entries.filter((e) => e.path.startsWith("onfido/reports/")).map((e) => asReport(e.content));
  const rows = byPath(extractFindings(reports));

  it("has a row per report and per breakdown or sub-breakdown that found something, with its result and flagged reasons", () => {
    expect(rows.get("document")).toMatchObject({ depth: 0, report: "document", result: "consider", properties: { document_type: "passport", issuing_country: "NOR" } });
    expect(rows.get("document.visual_authenticity")).toMatchObject({ depth: 1, result: "consider" });
    expect(rows.get("document.visual_authenticity.original_document_present")).toMatchObject({
      depth: 2,
      result: "consider",
      properties: { photo_of_screen: "consider" },
    });
    expect(rows.get("document.data_consistency.date_of_birth")).toMatchObject({ result: "consider", properties: null });
    // A check not performed, or clear without a score, found nothing: no row.
    expect(rows.has("document.data_comparison.issuing_country")).toBe(false);
    expect(rows.has("document.image_integrity.image_quality")).toBe(false);
  });

  it("keeps the face-match and spoofing scores", () => {
    expect(rows.get("facial_similarity_photo.face_comparison.face_match")).toMatchObject({ result: "consider", score: 0.31 });
    expect(rows.get("facial_similarity_photo.visual_authenticity.spoofing_detection")).toMatchObject({ result: "clear", score: 0.88 });
  });

  it("keeps no name, number or date of the person", () => {
    const text = JSON.stringify([...rows.values()]);
    for (const personal of ["SPECIMEN", "LAERKE", "00000000", "1975-05-31", "\"first_name\":", "\"document_numbers\":", "\"date_of_birth\":"]) {
      expect(text).not.toContain(personal);
    }
  });
});

describe("findings of each simulator scenario", () => {
  const plans = SCENARIOS.filter((s) => !s.failReason && !s.canceled).flatMap((scenario) =>
    scenario.processTypes.map((processType, i) => ({ scenario, processType, seed: 1000 + i, startedAt: Date.UTC(2026, 10, 1), finishedAt: Date.UTC(2026, 10, 1, 0, 5) })),
  );

  it.each(plans.map((plan) => [`${plan.scenario.name} (${plan.processType})`, plan] as const))("%s", (_name, plan) => {
    const run = runOnfido(plan);
    const reports = [run.documentReport, ...(run.facialReport ? [run.facialReport] : [])].map(asReport);
    const rows = extractFindings(reports);
    const found = byPath(rows);

    // Every report is a row; every breakdown and sub-breakdown that found something (not clear, or a score)
    // is a row with the same result, and one that found nothing is none.
    const expectRow = (path: string, node: { result?: string | null; properties?: Record<string, unknown> }) => {
      const result = node.result ?? null;
      const scored = typeof node.properties?.score === "number";
      if ((result !== null && result !== "clear") || scored) expect(found.get(path)?.result ?? null, path).toBe(result);
      else expect(found.has(path), path).toBe(false);
    };
    for (const report of reports) {
      expect(found.get(report.name)?.result ?? null).toBe(report.result ?? null);
      for (const [key, node] of Object.entries(report.breakdown) as [string, { result?: string | null; properties?: Record<string, unknown>; breakdown?: Record<string, { result?: string | null; properties?: Record<string, unknown> }> }][]) {
        expectRow(`${report.name}.${key}`, node);
        for (const [subKey, sub] of Object.entries(node.breakdown ?? {})) {
          expectRow(`${report.name}.${key}.${subKey}`, sub);
          const row = found.get(`${report.name}.${key}.${subKey}`);
          const flagged = Object.entries(sub.properties ?? {}).filter(([, v]) => v === "consider").map(([k]) => k);
          for (const reason of flagged) expect(row?.properties?.[reason]).toBe("consider");
        }
      }
    }

    // The scenario's own document flags are there, as the scenario describes them.
    for (const flag of plan.scenario.documentFlags ?? []) {
      const [pathAndReason = "", forced] = flag.split("=");
      const [path = "", reason] = pathAndReason.split(":");
      const row = found.get(`document.${path}`);
      expect(row, flag).toBeDefined();
      expect(row!.result).toBe(forced === "null" ? null : forced === "unidentified" ? "unidentified" : "consider");
      if (reason) expect(row!.properties?.[reason]).toBe("consider");
    }

    if (run.facialReport) {
      const face = run.facialReport.breakdown as Record<string, { breakdown?: Record<string, { properties?: { score?: number } }> }>;
      const match = face.face_comparison?.breakdown?.face_match?.properties?.score ?? null;
      const spoof = face.visual_authenticity?.breakdown?.spoofing_detection?.properties?.score ?? null;
      expect(found.get(`${run.facialReport.name}.face_comparison.face_match`)?.score ?? null).toBe(match);
      expect(found.get(`${run.facialReport.name}.visual_authenticity.spoofing_detection`)?.score ?? null).toBe(spoof);
    }

    // The document type and issuing country Onfido saw; nothing that names the person.
    const documentProps = (run.documentReport as { properties?: Record<string, unknown> }).properties ?? {};
    if (typeof documentProps.issuing_country === "string") expect(found.get("document")?.properties?.issuing_country).toBe(documentProps.issuing_country);
    const text = JSON.stringify(rows);
    for (const personal of [run.person.firstName, run.person.lastName, run.document.number, run.person.dateOfBirth]) {
      if (personal) expect(text).not.toContain(personal);
    }
  });
});
