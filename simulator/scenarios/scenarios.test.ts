/**
 * Every scenario, for every process type it applies to, run over HTTP: the Assure fields the simulator
 * derived must agree with the Onfido reports in its own zip, by the contract's mapping re-stated here.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "../test-support";

let t: TestSimulator;
let scenarios: { name: string; status: string; processTypes: string[] }[] = [];
beforeAll(async () => {
  t = await startTestSimulator({ image: { width: 48 } });
  scenarios = (await t.control("GET", "/scenarios")).body;
});
afterAll(() => t.sim.close());

type Report = {
  id: string;
  name: string;
  result: string | null;
  sub_result: string | null;
  properties: Record<string, unknown>;
  breakdown: Record<string, { result: string | null; breakdown?: Record<string, { result: string | null; properties: Record<string, unknown> }> }>;
};

const DOC_KEYS: Record<string, string> = {
  imageIntegrity: "image_integrity", visualAuthenticity: "visual_authenticity", dataValidation: "data_validation",
  dataConsistency: "data_consistency", dataComparison: "data_comparison", compromisedDocument: "compromised_document",
  policeRecord: "police_record", ageValidation: "age_validation",
};
const TYPES: Record<string, string> = {
  passport: "passport", national_identity_card: "identityCard", driving_licence: "driverLicense", residence_permit: "residencePermit",
};

/** The contract's status table, restated independently of the simulator's code. */
function expectedStatus(document: Report, face: Report | undefined): string {
  const doc = document.sub_result === "rejected" ? "rejected"
    : document.sub_result === "suspected" || document.sub_result === "caution" ? "inconclusive"
    : document.result === "clear" ? "accepted" : "inconclusive";
  const facial = !face ? "accepted" : face.result === "clear" ? "accepted" : "inconclusive";
  return [doc, facial].includes("rejected") ? "rejected" : [doc, facial].includes("inconclusive") ? "inconclusive" : "accepted";
}

function checkBreakdownRules(report: Report): void {
  for (const [name, b] of Object.entries(report.breakdown)) {
    if (!b.breakdown) continue;
    const subs = Object.values(b.breakdown).map((s) => s.result);
    const flagged = subs.some((r) => r === "consider" || r === "unidentified");
    const expected = flagged ? "consider" : subs.every((r) => r === null) ? null : "clear";
    expect(b.result, `${report.name}.${name}`).toBe(expected);
  }
}

async function verify(name: string, processType: string, intended: string) {
  const run = await t.control("POST", "/run", { scenario: name, processType, delayMs: 0, seed: 11 });
  expect(run.status, `${name} ${processType}`).toBe(201);
  const base = `/dossiers/${run.body.dossierId}/processes/${run.body.processId}`;
  const process = (await t.api("GET", base)).body;
  expect(process.status, `${name} ${processType}`).toBe(intended);
  const result = await t.api("GET", `${base}/result`);
  if (intended === "failed" || intended === "canceled") {
    expect(result.status).toBe(404);
    expect(process.finalResult).toBeUndefined();
    expect(Boolean(process.failReason)).toBe(intended === "failed");
    return;
  }
  const zip = await JSZip.loadAsync(result.bytes);
  const read = async (file: string) => {
    const entry = zip.file(file);
    return entry ? (JSON.parse(await entry.async("string")) as Report) : undefined;
  };
  const document = (await read("onfido/reports/document.json")) as Report;
  const face = await read(`onfido/reports/facial_similarity_${processType === "documentVideo" ? "video" : "photo"}.json`);
  expect(Boolean(face)).toBe(processType !== "document");
  checkBreakdownRules(document);
  if (face) {
    checkBreakdownRules(face);
    const considered = Object.values(face.breakdown).some((b) => b.result === "consider");
    if (face.result !== null) expect(face.result).toBe(considered ? "consider" : "clear");
  }
  expect(expectedStatus(document, face)).toBe(process.status);

  const dv = process.providerSpecific.documentVerification;
  expect(dv.result).toBe(document.result);
  expect(dv.subResult).toBe(document.sub_result);
  for (const [key, snake] of Object.entries(DOC_KEYS)) expect(dv[key], key).toBe(document.breakdown[snake]?.result);
  const p = document.properties;
  expect(dv.documentType).toBe(TYPES[String(p.document_type)] ?? "unknown");
  expect(dv.firstName).toBe(p.first_name);
  expect(dv.lastName).toBe(p.last_name);
  expect(dv.gender).toBe(p.gender === undefined ? undefined : p.gender === "Female" ? "F" : "M");
  expect(dv.mrzLine1).toBe(p.mrz_line1);
  expect(dv.documentNumber).toBe((p.document_numbers as { value: string }[] | undefined)?.[0]?.value);

  const fs = process.providerSpecific.facialSimilarity;
  if (!face) {
    expect(fs).toBeUndefined();
  } else {
    expect(fs.result).toBe(face.result);
    expect(fs.imageIntegrity).toBe(face.breakdown.image_integrity?.result);
    expect(fs.faceComparison).toBe(face.breakdown.face_comparison?.result);
    expect(fs.visualAuthenticity).toBe(face.breakdown.visual_authenticity?.result);
    const score = face.breakdown.face_comparison?.breakdown?.face_match?.properties.score as number | undefined;
    expect(fs.similarityScore).toBe(score === undefined ? undefined : score >= 0.8 ? "high" : score >= 0.5 ? "medium" : "low");
  }
  if (process.status === "accepted") {
    expect(process.finalResult).toMatchObject({ firstName: dv.firstName, documentNumber: dv.documentNumber, documentType: dv.documentType });
    expect(process.finalResult.similarityScore).toBe(fs?.similarityScore);
  } else {
    expect(process.finalResult).toBeUndefined();
  }
  // A reason scenario flags its reason on the sub-breakdown.
  const reason = /^document\.(\w+)\.(\w+)\.(\w+)$/.exec(name) ?? /^face\.(\w+)\.(\w+)\.(\w+)$/.exec(name);
  if (reason) {
    const report = name.startsWith("face.") ? face : document;
    const sub = report?.breakdown[reason[1]!]?.breakdown?.[reason[2]!];
    expect(sub?.result, name).toBe("consider");
    expect(sub?.properties[reason[3]!], name).toBe("consider");
  }
}

describe("scenarios", () => {
  it("cover every final status and the named cases", () => {
    const names = scenarios.map((s) => s.name);
    for (const status of ["accepted", "rejected", "inconclusive", "failed", "canceled"]) {
      expect(scenarios.some((s) => s.status === status), status).toBe(true);
    }
    expect(names).toEqual(expect.arrayContaining([
      "failed-multiple-faces", "failed-consent-denied", "failed-timeout", "failed-provider-error", "expired-document",
      "under-age", "name-mismatch", "low-face-match", "spoof", "broken-mrz", "accepted-null-sub-breakdowns",
      "document.image_integrity.image_quality.glare_on_photo", "document.police_record",
      "document.visual_authenticity.original_document_present.photo_of_screen",
    ]));
    expect(scenarios.length).toBeGreaterThan(80);
  });

  it("derive providerSpecific, finalResult and status from the reports, for every scenario and process type", async () => {
    for (const scenario of scenarios) {
      for (const processType of scenario.processTypes) await verify(scenario.name, processType, scenario.status);
    }
  }, 60_000);

  it("show the facts they are about in the reports", async () => {
    const report = async (scenario: string, processType = "document") => {
      const run = (await t.control("POST", "/run", { scenario, processType, delayMs: 0, seed: 5 })).body;
      const zip = await JSZip.loadAsync((await t.api("GET", `/dossiers/${run.dossierId}/processes/${run.processId}/result`)).bytes);
      const file = async (n: string) => JSON.parse(await zip.file(n)!.async("string"));
      return { doc: await file("onfido/reports/document.json"), check: await file("onfido/check.json"), zip, file };
    };
    const expired = await report("expired-document");
    expect(expired.doc.properties.date_of_expiry < expired.check.created_at.slice(0, 10)).toBe(true);
    expect(expired.doc.breakdown.data_validation.breakdown.document_expiration.result).toBe("consider");
    expect(expired.doc.sub_result).toBe("caution");
    const minor = await report("under-age");
    expect(minor.doc.breakdown.age_validation.breakdown.minimum_accepted_age.result).toBe("consider");
    expect(minor.doc.sub_result).toBe("rejected");
    const mismatch = await report("name-mismatch");
    expect(mismatch.doc.breakdown.data_comparison.breakdown.first_name.result).toBe("consider");
    const broken = await report("broken-mrz");
    expect(broken.doc.breakdown.data_validation.breakdown.mrz.result).toBe("consider");
    expect(broken.doc.sub_result).toBe("suspected");
    const nulls = await report("accepted-null-sub-breakdowns");
    expect(nulls.doc.breakdown.issuing_authority.result).toBeNull();
    expect(nulls.doc.breakdown.visual_authenticity.breakdown.other.result).toBeNull();
    expect(nulls.doc.result).toBe("clear");
    const spoof = await report("spoof", "documentSelfie");
    const face = await spoof.file("onfido/reports/facial_similarity_photo.json");
    expect(face.breakdown.visual_authenticity.breakdown.spoofing_detection.properties.score).toBeLessThan(0.5);
    const low = await report("low-face-match", "documentSelfie");
    const lowFace = await low.file("onfido/reports/facial_similarity_photo.json");
    expect(lowFace.breakdown.face_comparison.breakdown.face_match.properties.score).toBeLessThan(0.5);
  });
});
