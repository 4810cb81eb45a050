import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import messages from "@/messages/en.json";
import bokmal from "@/messages/nb.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseProcess } from "@/lib/processes/upsert-process";
import type { ProcessDetail } from "@/lib/processes/get-process-detail";
import { UnsafeResultError } from "@/lib/results/result-errors";
import { buildResultView, type ResultView } from "@/lib/results/result-view";
import { buildSampleZip } from "@/lib/results/testing/sample-result";
import { inconclusiveZipEntries } from "@/lib/results/testing/seed-sample";
import { unpackResult } from "@/lib/results/unpack-result";
import { loadExampleProcesses } from "@/tests/support/fixtures";
import { extractLookup } from "@/lib/processes/extract-lookup";
import { ProcessView } from "./process-view";

function detailOf(raw: Record<string, unknown>): ProcessDetail {
  const p = parseProcess(raw);
  const at = (value: string | null | undefined) => new Date(value ?? "2024-01-01T00:00:00Z");
  return {
    processId: p.processId,
    dossierId: "0b4c9c58-0000-4000-a000-000000000001",
    status: p.status,
    provider: p.provider ?? null,
    processType: p.processType ?? null,
    ...extractLookup(p),
    processParameters: null,
    finalResult: p.finalResult ?? null,
    providerSpecific: p.providerSpecific ?? null,
    failReason: p.failReason ? { type: p.failReason.type ?? null, message: p.failReason.message ?? null } : null,
    raw,
    createdAt: at(p.createdAt),
    updatedAt: at(p.updatedAt),
    firstSeenAt: at(p.updatedAt),
    lastSyncedAt: at(p.updatedAt),
    notifications: [],
    notificationsTruncated: false,
    retryOf: null,
    retries: [],
    storedResult: null,
  };
}

const stored = { processId: "p", sizeBytes: 1234, sha256: "a".repeat(64), storedAt: new Date("2024-01-01T00:00:00Z") };
/** The page renders in English here, as the desk does by default. */
const english = { locale: "en", messages, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
const norwegian = { locale: "nb", messages: bokmal, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
const render = (detail: ProcessDetail, result: ResultView, language = english) =>
  renderToString(createElement(NextIntlClientProvider, language, createElement(ProcessView, { detail, result })))
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

describe("ProcessView renders Signicat's example processes", () => {
  it.each(loadExampleProcesses().map((e) => [e.name, e.process] as const))("%s", (_name, raw) => {
    const html = render(detailOf(raw), { state: "none" });
    expect(html).toContain(String(raw.processId));
    expect(html).toContain("Why this status");
    expect(html).toMatch(new RegExp(`<strong[^>]*>${String(raw.status)}</strong>`));
    // A failed process Assure sent nothing for says so instead of showing empty tables.
    expect(html).toMatch(/Full result|Assure sent no results for this process/);
  });

  it("shows absent fields, the fail reason and an unreadable MRZ honestly", () => {
    const [failed, accepted, canceled] = ["failed", "accepted", "canceled"].map((name) => loadExampleProcesses().find((e) => e.name === name)!.process);
    const failedHtml = render(detailOf(failed!), { state: "none" });
    expect(failedHtml).toContain("Fail reason type");
    expect(failedHtml).toContain("upload_failed");
    expect(failedHtml.match(/Assure sent no results for this process/g)).toHaveLength(1);
    expect(failedHtml).not.toContain("Verdicts: document next to face");
    expect(failedHtml).not.toContain("Extracted data");
    expect(failedHtml).not.toMatch(/<td[^>]*>(<span[^>]*>)?absent</);
    const acceptedHtml = render(detailOf(accepted!), { state: "none" });
    expect(acceptedHtml).toContain("Must be 3 for TD1");
    // Assure's canceled example carries `"providerSpecific": {}`: nothing either.
    const canceledHtml = render(detailOf(canceled!), { state: "none" });
    expect(canceledHtml.match(/Assure sent no results for this process/g)).toHaveLength(1);
    expect(canceledHtml).not.toContain("Verdicts: document next to face");
  });
});

describe("ProcessView with a full result", () => {
  it("explains the inconclusive example from the reports, with pictures, trees, the MRZ and raw JSON", async () => {
    const raw = loadExampleProcesses().find((e) => e.name === "inconclusive")!.process;
    const zip = await buildSampleZip(inconclusiveZipEntries(raw, { imageWidth: 64 }));
    const result = buildResultView(String(raw.processId), { state: "ready", stored, result: await unpackResult(zip) });
    const html = render(detailOf(raw), result);
    expect(html).toContain("the document's sub-result is suspected — visual authenticity consider (original document present: photo_of_screen)");
    expect(html).toContain("facial similarity was consider (face match score 0.31 — low)");
    expect(html).toContain(`src="/api/processes/${String(raw.processId)}/result/media/front"`);
    expect(html).toContain('aria-expanded="true"');
    expect(html).toContain("not performed");
    expect(html).toContain("onfido/reports/document.json");
    // The MRZ's birth date (1975) against the extracted one (2002).
    expect(html).toMatch(/Date of birth<\/th><td[^>]*>750531 \(1975-05-31\)<\/td><td[^>]*>2002-04-29<\/td><td[^>]*>▲ differs/);
  });

  it("says why a refused zip is not shown", () => {
    const raw = loadExampleProcesses().find((e) => e.name === "rejected")!.process;
    const error = new UnsafeResultError("inflated-too-large", "The zip's entry \"a.json\" inflates past its declared 1.0 KiB.");
    const html = render(detailOf(raw), buildResultView(String(raw.processId), { state: "refused", stored, error }));
    expect(html).toContain("The desk refused to open this zip");
    expect(html).toContain("inflates past its declared 1.0 KiB");
    expect(html).toContain("Download full result (zip)");
  });
});

describe("ProcessView in Norwegian Bokmål", () => {
  it("writes the verdict, the MRZ check and the full result in Bokmål, Assure's and Onfido's values as they are", async () => {
    const raw = loadExampleProcesses().find((e) => e.name === "inconclusive")!.process;
    const zip = await buildSampleZip(inconclusiveZipEntries(raw, { imageWidth: 64 }));
    const result = buildResultView(String(raw.processId), { state: "ready", stored, result: await unpackResult(zip) });
    const html = render(detailOf(raw), result, norwegian);
    expect(html).toContain("Hvorfor denne statusen");
    expect(html).toMatch(/<strong[^>]*>inconclusive<\/strong>: dokumentets delresultat er suspected — visuell ekthet consider \(originaldokument til stede: photo_of_screen\)/);
    expect(html).toContain("ansiktssammenligningen ga consider (");
    expect(html).toContain("Fra Onfido-rapportene i det lagrede fullstendige resultatet.");
    expect(html).toContain("MRZ-kontroll");
    expect(html).toMatch(/Fødselsdato<\/th><td[^>]*>750531 \(1975-05-31\)<\/td><td[^>]*>2002-04-29<\/td><td[^>]*>▲ avviker/);
    expect(html).toContain("Fullstendig resultat");
    expect(html).toContain("Dokumentrapport");
    // The stored zip's size in the page's number format.
    expect(html).toContain("Zip-fil på 1,2 KiB");
    expect(html).not.toContain("Why this status");
    expect(html).not.toContain("Full result");
  });

  it("says a failed process's reason in Bokmål, with Assure's failReason as it is", () => {
    const failed = loadExampleProcesses().find((e) => e.name === "failed")!.process;
    const html = render(detailOf(failed), { state: "none" }, norwegian);
    expect(html).toContain("Type feilårsak");
    expect(html).toMatch(/<strong[^>]*>failed<\/strong>: upload_failed — /);
    expect(html).toContain("En feilet prosess har ingen verifiseringsresultater");
  });
});
