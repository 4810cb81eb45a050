/**
 * The reports in the simulator's full-result zip, for every scenario and process type, against Onfido's
 * official models (`@onfido/api`'s types) and the keys and values of lib/onfido/README.md; and the
 * Assure fields of the process (`status`, `providerSpecific`, `finalResult`) against the reports, by the
 * contract's mapping written out again here (lib/assure/README.md "How the final status follows from Onfido's
 * results" and "our decisions"), not by importing the simulator's derive/ code.
 */
import type {
  DocumentBreakdown,
  DocumentCDQReasons,
  DocumentIQReasons,
  DocumentODPReasons,
  DocumentProperties,
  DocumentReport,
  FacialSimilarityPhotoBreakdown,
  FacialSimilarityPhotoReport,
  FacialSimilarityVideoBreakdown,
  FacialSimilarityVideoReport,
  PhotoReasons,
  VideoReasons,
} from "@onfido/api";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestSimulator, type Json } from "../test-support";

// ---- lib/onfido/README.md's tables, each checked by the compiler against @onfido/api's models ----

/** The sub-breakdown names an @onfido/api breakdown type allows under `name`. */
type SubNames<B, K extends keyof B> = NonNullable<B[K]> extends { breakdown?: infer S } ? keyof NonNullable<S> : never;
/** Every breakdown of the model, each with sub-breakdowns the model knows. */
type BreakdownTable<B> = { readonly [K in keyof Required<B>]: readonly SubNames<B, K>[] };

/** lib/onfido/README.md "The document report's breakdowns and sub-breakdowns". */
const DOCUMENT_BREAKDOWNS = {
  data_comparison: ["issuing_country", "gender", "date_of_expiry", "last_name", "document_type", "document_numbers", "first_name", "date_of_birth"],
  data_validation: ["gender", "date_of_birth", "document_numbers", "document_expiration", "expiry_date", "mrz", "barcode"],
  image_integrity: ["image_quality", "supported_document", "colour_picture", "conclusive_document_quality"],
  visual_authenticity: [
    "fonts", "picture_face_integrity", "template", "security_features", "original_document_present",
    "digital_tampering", "face_detection", "other",
  ],
  data_consistency: [
    "date_of_expiry", "document_numbers", "issuing_country", "document_type", "date_of_birth", "gender",
    "first_name", "nationality", "last_name", "multiple_data_sources_present",
  ],
  police_record: [],
  compromised_document: ["document_database", "repeat_attempts"],
  age_validation: ["minimum_accepted_age"],
  issuing_authority: ["nfc_active_authentication", "nfc_passive_authentication"],
} as const satisfies BreakdownTable<DocumentBreakdown>;

/** lib/onfido/README.md: the reasons a document sub-breakdown carries in `properties`, by `breakdown.sub`. */
const DOCUMENT_REASONS: Record<string, readonly string[]> = {
  "image_integrity.image_quality": [
    "dark_photo", "glare_on_photo", "blurred_photo", "covered_photo", "other_photo_issue", "damaged_document",
    "incorrect_side", "cut_off_document", "no_document_in_image", "two_documents_uploaded",
  ] satisfies (keyof DocumentIQReasons)[],
  "image_integrity.conclusive_document_quality": [
    "obscured_data_points", "obscured_security_features", "abnormal_document_features", "watermarks_digital_text_overlay",
    "corner_removed", "punctured_document", "missing_back", "digital_document",
  ] satisfies (keyof DocumentCDQReasons)[],
  "visual_authenticity.original_document_present": [
    "photo_of_screen", "screenshot", "document_on_printed_paper", "scan",
  ] satisfies (keyof DocumentODPReasons)[],
};

/** lib/onfido/README.md "Facial similarity breakdowns". */
const PHOTO_BREAKDOWNS = {
  face_comparison: ["face_match"],
  image_integrity: ["face_detected", "source_integrity"],
  visual_authenticity: ["spoofing_detection"],
} as const satisfies BreakdownTable<FacialSimilarityPhotoBreakdown>;
const VIDEO_BREAKDOWNS = {
  face_comparison: ["face_match"],
  image_integrity: ["face_detected", "source_integrity"],
  visual_authenticity: ["liveness_detected", "spoofing_detection"],
} as const satisfies BreakdownTable<FacialSimilarityVideoBreakdown>;
const PHOTO_SOURCE_INTEGRITY = ["digital_tampering", "fake_webcam", "time_of_capture", "emulator", "reasons"] satisfies (keyof PhotoReasons)[];
const VIDEO_SOURCE_INTEGRITY = ["fake_webcam", "challenge_reuse", "emulator", "reasons"] satisfies (keyof VideoReasons)[];

// ---- Runtime readings of the same models: keys outside the tables, or values outside the enumerations, fail ----

const RESULTS = ["clear", "consider", "unidentified"] as const;
const RESULT = z.enum(RESULTS).nullable();
const SUB_RESULT = z.enum(["clear", "rejected", "suspected", "caution"]).nullable();
/** lib/onfido/README.md's report statuses that @onfido/api's ReportStatus also has ("paused" it lacks). */
const REPORT_STATUS = z.enum(["awaiting_data", "awaiting_approval", "complete", "withdrawn", "cancelled"]);
const DATE_TIME = z.iso.datetime();
const DATE = z.iso.date();
const ALPHA3 = z.string().regex(/^[A-Z]{3}$/);
const REFERENCES = z.array(z.strictObject({ id: z.uuid() }));
const SCORE = z.number().min(0).max(1);
const OPEN_PROPERTIES = z.record(z.string(), z.unknown());

const reasonsOf = (names: readonly string[]) =>
  z.strictObject(Object.fromEntries(names.map((name) => [name, z.literal("consider").optional()])));

function breakdownsOf(table: Readonly<Record<string, readonly string[]>>, properties: Record<string, z.ZodType> = {}) {
  const shape = Object.fromEntries(
    Object.entries(table).map(([name, subs]) => {
      if (subs.length === 0) return [name, z.strictObject({ result: RESULT }).optional()];
      const subShape = Object.fromEntries(
        subs.map((sub) => [sub, z.strictObject({ result: RESULT, properties: (properties[`${name}.${sub}`] ?? OPEN_PROPERTIES).optional() }).optional()]),
      );
      return [name, z.strictObject({ result: RESULT, breakdown: z.strictObject(subShape) }).optional()];
    }),
  );
  return z.strictObject(shape);
}

const DocumentPropertiesSchema = z.strictObject({
  first_name: z.string(),
  middle_name: z.string().optional(),
  last_name: z.string(),
  date_of_birth: DATE,
  date_of_expiry: DATE,
  issuing_date: DATE.optional(),
  document_numbers: z.array(z.strictObject({ type: z.string(), value: z.string() })),
  document_type: z.enum(["passport", "driving_licence", "national_identity_card", "residence_permit"]),
  gender: z.enum(["Female", "Male"]).nullable(),
  issuing_country: ALPHA3,
  nationality: ALPHA3.nullable(),
  mrz_line1: z.string().optional(),
  mrz_line2: z.string().optional(),
  mrz_line3: z.string().optional(),
  address: z.string().optional(),
  place_of_birth: z.string().optional(),
} satisfies { [K in keyof DocumentProperties]?: z.ZodType });

const reportBase = {
  id: z.uuid(),
  created_at: DATE_TIME,
  href: z.string().regex(/^\/v3\.6\/reports\/[0-9a-f-]{36}$/),
  check_id: z.uuid(),
  status: REPORT_STATUS,
  result: RESULT,
  documents: REFERENCES,
};

const DocumentReportSchema = z.strictObject({
  ...reportBase,
  name: z.literal("document"),
  sub_result: SUB_RESULT,
  breakdown: breakdownsOf(DOCUMENT_BREAKDOWNS, Object.fromEntries(Object.entries(DOCUMENT_REASONS).map(([path, names]) => [path, reasonsOf(names)]))),
  // Nothing extracted (an unreadable or unsupported document): empty.
  properties: z.union([DocumentPropertiesSchema, z.strictObject({})]),
} satisfies { [K in keyof DocumentReport]?: z.ZodType });

const faceProperties = (sourceIntegrity: readonly string[]) => ({
  "face_comparison.face_match": z.strictObject({ score: SCORE.optional(), document_id: z.uuid().optional() }),
  "image_integrity.source_integrity": reasonsOf(sourceIntegrity),
  "image_integrity.face_detected": z.strictObject({}),
  "visual_authenticity.spoofing_detection": z.strictObject({ score: SCORE.optional() }),
  "visual_authenticity.liveness_detected": z.strictObject({}),
});

const FacialPhotoReportSchema = z.strictObject({
  ...reportBase,
  name: z.literal("facial_similarity_photo"),
  sub_result: z.null(),
  live_photos: REFERENCES.min(1),
  breakdown: breakdownsOf(PHOTO_BREAKDOWNS, faceProperties(PHOTO_SOURCE_INTEGRITY)),
  properties: z.strictObject({ score: SCORE.optional() }),
} satisfies { [K in keyof FacialSimilarityPhotoReport]?: z.ZodType });

const FacialVideoReportSchema = z.strictObject({
  ...reportBase,
  name: z.literal("facial_similarity_video"),
  sub_result: z.null(),
  live_videos: REFERENCES.min(1),
  breakdown: breakdownsOf(VIDEO_BREAKDOWNS, faceProperties(VIDEO_SOURCE_INTEGRITY)),
  properties: z.strictObject({ score: SCORE.optional() }),
} satisfies { [K in keyof FacialSimilarityVideoReport]?: z.ZodType });

/** lib/onfido/README.md "The check". */
const CheckSchema = z.strictObject({
  id: z.uuid(),
  created_at: DATE_TIME,
  href: z.string().regex(/^\/v3\.6\/checks\/[0-9a-f-]{36}$/),
  status: z.enum(["in_progress", "awaiting_applicant", "complete", "withdrawn", "paused", "reopened"]),
  result: z.enum(["clear", "consider"]).nullable(),
  applicant_id: z.uuid(),
  report_ids: z.array(z.uuid()).min(1),
  results_uri: z.string().regex(/^https:\/\/dashboard\.onfido\.com\/checks\/[0-9a-f-]{36}$/),
  tags: z.array(z.string()),
  sandbox: z.boolean(),
  version: z.literal("3.6"),
});

/** @onfido/api's models have no nulls (a value not given is absent): read a null as absent to compare. */
type NullAsAbsent<T> = T extends null
  ? undefined
  : T extends (infer E)[]
    ? NullAsAbsent<E>[]
    : T extends object
      ? { [K in keyof T]: NullAsAbsent<T[K]> }
      : T;
function nullAsAbsent<T>(value: T): NullAsAbsent<T> {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v))) as NullAsAbsent<T>;
}

interface ParsedReport {
  raw: Json;
  name: string;
  result: string | null;
  sub_result: string | null;
  breakdown: Record<string, { result: string | null; breakdown?: Record<string, { result: string | null; properties?: Record<string, unknown> }> }>;
  properties: Record<string, unknown>;
}

const parsedReport = (raw: Json, parsed: object): ParsedReport => ({ raw, ...(parsed as Omit<ParsedReport, "raw">) });

/** Parses a report with its schema, and assigns it to @onfido/api's type: that line is the type check. */
function readDocumentReport(raw: Json): ParsedReport {
  const parsed = DocumentReportSchema.parse(raw);
  const official: DocumentReport = nullAsAbsent(parsed);
  expect(official.name).toBe("document");
  return parsedReport(raw, parsed);
}
function readFacialReport(raw: Json, variant: "photo" | "video"): ParsedReport {
  if (variant === "photo") {
    const parsed = FacialPhotoReportSchema.parse(raw);
    const official: FacialSimilarityPhotoReport = nullAsAbsent(parsed);
    expect(official.live_photos?.length).toBeGreaterThan(0);
    return parsedReport(raw, parsed);
  }
  const parsed = FacialVideoReportSchema.parse(raw);
  const official: FacialSimilarityVideoReport = nullAsAbsent(parsed);
  expect(official.live_videos?.length).toBeGreaterThan(0);
  return parsedReport(raw, parsed);
}

// ---- lib/onfido/README.md's rules about values ----

const notClear = (result: string | null | undefined) => result === "consider" || result === "unidentified";

function expectBreakdownRollUp(report: ParsedReport, reasons: Record<string, readonly string[]>) {
  for (const [name, breakdown] of Object.entries(report.breakdown)) {
    const subs = Object.entries(breakdown.breakdown ?? {});
    if (subs.length === 0) continue;
    const anyNotClear = subs.some(([, sub]) => notClear(sub.result));
    // "A breakdown is consider when at least one of its sub-breakdowns is consider or unidentified."
    expect(breakdown.result === "consider", `${report.name}.${name}`).toBe(anyNotClear);
    if (!anyNotClear) {
      const allNull = subs.every(([, sub]) => sub.result === null);
      expect(breakdown.result, `${report.name}.${name}`).toBe(allNull ? null : "clear");
    }
    for (const [sub, value] of subs) {
      // Each reason key is present only when flagged, and a flagged reason makes its sub-breakdown consider.
      const flagged = Object.keys(value.properties ?? {}).filter((key) => reasons[`${name}.${sub}`]?.includes(key));
      if (flagged.length > 0) expect(value.result, `${report.name}.${name}.${sub}`).toBe("consider");
    }
  }
}

const subConsider = (report: ParsedReport, name: string, sub: string) =>
  notClear(report.breakdown[name]?.breakdown?.[sub]?.result);
const breakdownConsider = (report: ParsedReport, name: string) => report.breakdown[name]?.result === "consider";

/** lib/onfido/README.md "How the verdict follows" for a document report, and "result is consider whenever sub_result is not clear". */
function expectDocumentVerdict(report: ParsedReport) {
  const { result, sub_result: subResult } = report;
  if (subResult === null) {
    expect(result === "unidentified" || result === null, "a report without sub_result has no verdict").toBe(true);
    return;
  }
  expect(result).toBe(subResult === "clear" ? "clear" : "consider");
  const validationBeyondExpiry = Object.entries(report.breakdown.data_validation?.breakdown ?? {}).some(
    ([sub, value]) => sub !== "document_expiration" && notClear(value.result),
  );
  const fraud =
    ["visual_authenticity", "compromised_document", "police_record", "data_consistency"].some((name) => breakdownConsider(report, name)) ||
    validationBeyondExpiry;
  const expiredOrNames =
    subConsider(report, "data_validation", "document_expiration") ||
    subConsider(report, "data_comparison", "first_name") ||
    subConsider(report, "data_comparison", "last_name");
  if (breakdownConsider(report, "image_integrity") || breakdownConsider(report, "age_validation")) expect(subResult).toBe("rejected");
  else if (fraud) expect(subResult).toBe("suspected");
  else if (expiredOrNames) expect(subResult).toBe("caution");
  else if (!Object.values(report.breakdown).some((b) => b.result === "consider")) expect(subResult).toBe("clear");
  else expect(subResult).not.toBe("clear");
}

function expectFacialVerdict(report: ParsedReport) {
  // lib/assure/README.md, our decisions: "facial report result: consider when any of its breakdowns is consider".
  if (report.result === null) return;
  const anyConsider = Object.values(report.breakdown).some((b) => b.result === "consider");
  expect(report.result).toBe(anyConsider ? "consider" : "clear");
}

// ---- The contract's mapping from the reports to the Assure process, written out independently ----

const ASSURE_DOCUMENT_TYPE: Record<string, string> = {
  passport: "passport",
  national_identity_card: "identityCard",
  driving_licence: "driverLicense",
  residence_permit: "residencePermit",
};
const FLATTENED: Record<string, string> = {
  imageIntegrity: "image_integrity",
  visualAuthenticity: "visual_authenticity",
  dataValidation: "data_validation",
  dataConsistency: "data_consistency",
  dataComparison: "data_comparison",
  compromisedDocument: "compromised_document",
  policeRecord: "police_record",
  ageValidation: "age_validation",
};

function genderOf(value: unknown): string | undefined {
  const lower = typeof value === "string" ? value.toLowerCase() : undefined;
  return lower === "female" ? "F" : lower === "male" ? "M" : undefined;
}

function expectedDocumentVerification(report: ParsedReport): Record<string, unknown> {
  const p = report.properties as Record<string, Json>;
  const flattened = Object.fromEntries(
    Object.entries(FLATTENED).flatMap(([key, name]) => (report.breakdown[name] ? [[key, report.breakdown[name].result]] : [])),
  );
  const numbers = (p.document_numbers ?? []) as { type: string; value: string }[];
  return {
    result: report.result,
    subResult: report.sub_result,
    ...flattened,
    firstName: p.first_name,
    lastName: p.last_name,
    dateOfBirth: p.date_of_birth,
    dateOfExpiry: p.date_of_expiry,
    gender: genderOf(p.gender),
    nationality: p.nationality,
    documentType: ASSURE_DOCUMENT_TYPE[p.document_type as string] ?? "unknown",
    documentNumber: numbers.find((n) => n.type === "document_number")?.value,
    issuingCountry: p.issuing_country,
    mrzLine1: p.mrz_line1,
    mrzLine2: p.mrz_line2,
    mrzLine3: p.mrz_line3,
  };
}

function similarityScore(report: ParsedReport): string | undefined {
  const score = report.breakdown.face_comparison?.breakdown?.face_match?.properties?.score;
  if (typeof score !== "number") return undefined;
  return score >= 0.8 ? "high" : score >= 0.5 ? "medium" : "low";
}

function expectedFacialSimilarity(report: ParsedReport): Record<string, unknown> {
  return {
    result: report.result,
    imageIntegrity: report.breakdown.image_integrity?.result,
    faceComparison: report.breakdown.face_comparison?.result,
    visualAuthenticity: report.breakdown.visual_authenticity?.result,
    similarityScore: similarityScore(report),
  };
}

/** lib/assure/README.md's table, precedence rejected > inconclusive > accepted; no verdict counts as not clear. */
function expectedStatus(document: ParsedReport, facial: ParsedReport | undefined): string {
  const verdicts: string[] = [];
  if (document.sub_result === "rejected") verdicts.push("rejected");
  else if (document.sub_result === "suspected" || document.sub_result === "caution") verdicts.push("inconclusive");
  else verdicts.push(document.result === "clear" ? "accepted" : "inconclusive");
  if (facial) verdicts.push(facial.result === "clear" ? "accepted" : "inconclusive");
  return ["rejected", "inconclusive", "accepted"].find((status) => verdicts.includes(status))!;
}

/** `toEqual` ignores keys whose value is undefined; this makes "absent" and "undefined" the same on both sides. */
const defined = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));

// ---- The runs ----

const t = await startTestSimulator({ image: { width: 48 } });
afterAll(() => t.sim.close());

interface ScenarioInfo {
  name: string;
  status: string;
  processTypes: string[];
}
const scenarios = (await t.control<ScenarioInfo[]>("GET", "/scenarios")).body;
// A seed per run (fixed, so a failure repeats) spreads people, documents and scores over the runs.
const runs = scenarios
  .flatMap((scenario) => scenario.processTypes.map((processType) => [`${scenario.name} as ${processType}`, scenario, processType] as const))
  .map(([title, scenario, processType], i) => [title, scenario, processType, 20240501 + i] as const);

async function zipJson(dossierId: string, processId: string) {
  const answer = await t.api("GET", `/dossiers/${dossierId}/processes/${processId}/result`);
  expect(answer.status).toBe(200);
  const zip = await JSZip.loadAsync(answer.bytes);
  const json: Json[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.name.endsWith(".json")) json.push(JSON.parse(await file.async("string")));
  }
  return json;
}

describe("the scenario list", () => {
  it("covers every final status and every process type", () => {
    expect(new Set(scenarios.map((s) => s.status))).toEqual(new Set(["accepted", "rejected", "inconclusive", "canceled", "failed"]));
    expect(new Set(scenarios.flatMap((s) => s.processTypes))).toEqual(new Set(["document", "documentSelfie", "documentVideo"]));
    expect(runs.length).toBeGreaterThan(100);
  });
});

describe.each(runs)("%s", (_title, scenario, processType, seed) => {
  it("has reports of Onfido's shape and Assure fields that follow from them", async () => {
    const answer = await t.control("POST", "/run", { scenario: scenario.name, processType, delayMs: 0, seed });
    expect(answer.status).toBe(201);
    const { dossierId, processId, process } = answer.body as { dossierId: string; processId: string; process: Json };
    expect(process.status).toBe(scenario.status);

    if (process.status === "failed" || process.status === "canceled") {
      expect((await t.api("GET", `/dossiers/${dossierId}/processes/${processId}/result`)).status).toBe(404);
      expect(process.finalResult).toBeUndefined();
      if (process.status === "failed") expect(process.failReason).toEqual({ type: expect.any(String), message: expect.any(String) });
      else expect(process.failReason).toBeUndefined();
      return;
    }
    expect(process.failReason).toBeUndefined();

    const files = await zipJson(dossierId, processId);
    expect(files.find((file) => file.processId === processId)).toEqual(process);
    const rawReports = files.filter((file) => "name" in file && "breakdown" in file);
    const rawCheck = files.find((file) => "report_ids" in file);

    const document = readDocumentReport(rawReports.find((r) => r.name === "document"));
    expectBreakdownRollUp(document, DOCUMENT_REASONS);
    expectDocumentVerdict(document);

    const variant = processType === "documentVideo" ? "video" : "photo";
    const faceReasons = { "image_integrity.source_integrity": variant === "video" ? VIDEO_SOURCE_INTEGRITY : PHOTO_SOURCE_INTEGRITY };
    const rawFacial = rawReports.find((r) => r.name !== "document");
    const facial = processType === "document" ? undefined : readFacialReport(rawFacial, variant);
    expect(rawReports).toHaveLength(facial ? 2 : 1);
    if (facial) {
      expectBreakdownRollUp(facial, faceReasons);
      expectFacialVerdict(facial);
    }

    const check = CheckSchema.parse(rawCheck);
    const reports = facial ? [document, facial] : [document];
    expect(new Set(check.report_ids)).toEqual(new Set(reports.map((r) => r.raw.id)));
    for (const report of reports) expect(report.raw.check_id).toBe(check.id);
    expect(check.result).toBe(reports.every((r) => r.result === "clear") ? "clear" : "consider");

    // The Assure process read from the reports.
    expect(process.status).toBe(expectedStatus(document, facial));
    const providerSpecific = process.providerSpecific as Json;
    expect(defined(providerSpecific.documentVerification)).toEqual(defined(expectedDocumentVerification(document)));
    if (facial) expect(defined(providerSpecific.facialSimilarity)).toEqual(defined(expectedFacialSimilarity(facial)));
    else expect(providerSpecific.facialSimilarity).toBeUndefined();
    if (process.status === "accepted") {
      const doc = expectedDocumentVerification(document);
      const fields = ["firstName", "lastName", "dateOfBirth", "dateOfExpiry", "gender", "nationality", "documentType", "documentNumber", "issuingCountry"];
      const expected = { ...Object.fromEntries(fields.map((f) => [f, doc[f]])), similarityScore: facial ? similarityScore(facial) : undefined };
      expect(defined(process.finalResult)).toEqual(defined(expected));
      if (facial) expect(process.finalResult.similarityScore).toMatch(/^(high|medium|low)$/);
      else expect(process.finalResult.similarityScore).toBeUndefined();
    } else {
      expect(process.finalResult).toBeUndefined();
    }
  });
});
