import { encode } from "jpeg-js";
import JSZip from "jszip";

/**
 * Full-result zips built in memory for unit tests, the e2e journey and the benchmark: the shape of
 * lib/onfido/README.md and of the simulator's zips, without importing the simulator. Not used by the app.
 */

const SUBS: Record<string, readonly string[]> = {
  image_integrity: ["image_quality", "supported_document", "colour_picture", "conclusive_document_quality"],
  visual_authenticity: ["fonts", "picture_face_integrity", "template", "security_features", "original_document_present", "digital_tampering", "face_detection", "other"],
  data_validation: ["gender", "date_of_birth", "document_numbers", "document_expiration", "expiry_date", "mrz"],
  data_consistency: ["date_of_expiry", "document_numbers", "issuing_country", "document_type", "date_of_birth", "gender", "first_name", "nationality", "last_name", "multiple_data_sources_present"],
  data_comparison: ["issuing_country", "gender", "date_of_expiry", "last_name", "document_type", "document_numbers", "first_name", "date_of_birth"],
  compromised_document: ["document_database", "repeat_attempts"],
  police_record: [],
  age_validation: ["minimum_accepted_age"],
};

type Verdict = "clear" | "consider" | "unidentified" | null;

export interface SampleDocumentOptions {
  /** `breakdown.sub` → reasons flagged on it (an empty list flags it without reasons). */
  flags?: Record<string, readonly string[]>;
  /** `breakdown.sub` whose result is null (not performed). */
  nulls?: readonly string[];
  properties?: Record<string, unknown>;
  /** Keys added to the report as they are (unknown keys must survive). */
  extra?: Record<string, unknown>;
}

function subResultOf(flagged: Set<string>): string {
  if (flagged.has("image_integrity") || flagged.has("age_validation")) return "rejected";
  if (["visual_authenticity", "compromised_document", "police_record", "data_consistency"].some((b) => flagged.has(b))) return "suspected";
  if (flagged.has("data_validation") || flagged.has("data_comparison")) return "caution";
  return "clear";
}

export function sampleDocumentReport(options: SampleDocumentOptions = {}): Record<string, unknown> {
  const flags = options.flags ?? {};
  const nulls = new Set(options.nulls ?? []);
  const flagged = new Set(Object.keys(flags).map((path) => path.split(".")[0]!));
  const breakdown: Record<string, unknown> = {};
  for (const [name, subs] of Object.entries(SUBS)) {
    const result: Verdict = flagged.has(name) ? "consider" : "clear";
    if (subs.length === 0) {
      breakdown[name] = { result };
      continue;
    }
    const children: Record<string, unknown> = {};
    for (const sub of subs) {
      const path = `${name}.${sub}`;
      const reasons = flags[path];
      const verdict: Verdict = nulls.has(path) ? null : reasons ? "consider" : "clear";
      children[sub] = { result: verdict, properties: Object.fromEntries((reasons ?? []).map((r) => [r, "consider"])) };
    }
    breakdown[name] = { result, breakdown: children };
  }
  const subResult = subResultOf(flagged);
  return {
    id: "ebc7a6b9-d8b2-4ceb-8940-9c8cd70f2b51",
    created_at: "2024-04-26T11:27:05Z",
    href: "/v3.6/reports/ebc7a6b9-d8b2-4ceb-8940-9c8cd70f2b51",
    check_id: "adc09d31-857c-442a-ac37-5702ce6aa2da",
    name: "document",
    status: "complete",
    result: subResult === "clear" ? "clear" : "consider",
    sub_result: subResult,
    documents: [{ id: "dcfa6ae8-4e37-4717-a72b-b6510d24396e" }],
    properties: options.properties ?? {
      first_name: "LAERKE OEYVOR AASE",
      last_name: "SPECIMEN",
      date_of_birth: "1975-05-31",
      date_of_expiry: "2024-11-01",
      document_numbers: [{ type: "document_number", value: "00000000" }],
      document_type: "passport",
      gender: "Female",
      issuing_country: "NOR",
      nationality: "NOR",
      mrz_line1: "PVNORSPECIMEN<<LAERKE<OEYVOR<AASE<<<<<<<<<<<",
      mrz_line2: "00000000<0NOR7505319F24110154197505311234586",
    },
    breakdown,
    ...options.extra,
  };
}

export interface SampleFacialOptions {
  variant?: "photo" | "video";
  faceMatch?: number;
  spoofing?: number;
}

export function sampleFacialReport(options: SampleFacialOptions = {}): Record<string, unknown> {
  const faceMatch = options.faceMatch ?? 0.91;
  const spoofing = options.spoofing ?? 0.95;
  const verdict = (score: number) => (score < 0.5 ? "consider" : "clear");
  const visual: Record<string, unknown> = { spoofing_detection: { result: verdict(spoofing), properties: { score: spoofing } } };
  if (options.variant === "video") visual.liveness_detected = { result: "clear", properties: {} };
  const breakdown = {
    face_comparison: { result: verdict(faceMatch), breakdown: { face_match: { result: verdict(faceMatch), properties: { score: faceMatch, document_id: "dcfa6ae8-4e37-4717-a72b-b6510d24396e" } } } },
    image_integrity: { result: "clear", breakdown: { face_detected: { result: "clear", properties: {} }, source_integrity: { result: "clear", properties: {} } } },
    visual_authenticity: { result: verdict(spoofing), breakdown: visual },
  };
  const considered = verdict(faceMatch) === "consider" || verdict(spoofing) === "consider";
  return {
    id: "c39c01da-a6d4-4921-a3c5-72d78eb51236",
    created_at: "2024-04-30T13:31:43Z",
    check_id: "adc09d31-857c-442a-ac37-5702ce6aa2da",
    name: options.variant === "video" ? "facial_similarity_video" : "facial_similarity_photo",
    status: "complete",
    result: considered ? "consider" : "clear",
    sub_result: null,
    breakdown,
    properties: options.variant === "video" ? { score: faceMatch } : {},
    documents: [{ id: "dcfa6ae8-4e37-4717-a72b-b6510d24396e" }],
  };
}

export function sampleCheck(reports: Record<string, unknown>[]): Record<string, unknown> {
  const considered = reports.some((r) => r.result !== "clear");
  return {
    id: "adc09d31-857c-442a-ac37-5702ce6aa2da",
    created_at: "2024-04-26T11:27:00Z",
    href: "/v3.6/checks/adc09d31-857c-442a-ac37-5702ce6aa2da",
    status: "complete",
    result: considered ? "consider" : "clear",
    applicant_id: "8d4f0fde-3f6b-4b5e-9a1b-5c2f0a0b7e11",
    report_ids: reports.map((r) => String(r.id)),
    results_uri: "https://dashboard.onfido.com/checks/adc09d31-857c-442a-ac37-5702ce6aa2da",
    tags: [],
    sandbox: true,
    version: "3.6",
  };
}

/** A real JPEG (a gradient with a darker card shape) so that browsers can show it. */
export function sampleJpeg(width: number, height: number, hue = 0, quality = 80): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const card = x > width * 0.1 && x < width * 0.9 && y > height * 0.15 && y < height * 0.85;
      const shade = Math.round((x / width) * 120 + (y / height) * 60) + (card ? 0 : 60);
      data[at] = (shade + hue) % 256;
      data[at + 1] = (shade + 40) % 256;
      data[at + 2] = (shade + 90 + hue / 2) % 256;
      data[at + 3] = 255;
    }
  }
  return new Uint8Array(encode({ data, width, height }, quality).data);
}

export interface SampleZipEntry {
  path: string;
  content: unknown;
}

/** JSON is deflated, bytes are stored, as the simulator and Assure do. */
export async function buildSampleZip(entries: SampleZipEntry[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const entry of entries) {
    if (entry.content instanceof Uint8Array) {
      zip.file(entry.path, entry.content, { compression: "STORE", binary: true, createFolders: false });
    } else {
      zip.file(entry.path, `${JSON.stringify(entry.content, null, 2)}\n`, { compression: "DEFLATE", createFolders: false });
    }
  }
  return zip.generateAsync({ type: "uint8array" });
}
