/**
 * Onfido's document report for an invented document. Findings come from two places: facts the report checks
 * itself (expiry, age, MRZ check digits, names given for the applicant) and the scenario's flags for what
 * only image analysis could find. `sub_result` then follows lib/onfido/README.md: rejected > suspected > caution.
 */
import { ageOn } from "../people/dates";
import { mrzCheckDigitsValid } from "../people/mrz";
import type { IdDocument, Person } from "../people/person";
import { buildBreakdown, DOCUMENT_BREAKDOWNS, type Finding, ISSUING_AUTHORITY_SUBS, parseFindings } from "./breakdown-table";
import type { Breakdown, OnfidoReport, Result, SubResult } from "./types";

export const MINIMUM_ACCEPTED_AGE = 18;

export interface DocumentReportInput {
  id: string;
  checkId: string;
  documentIds: string[];
  createdAt: string;
  /** The day of the check, `YYYY-MM-DD`. */
  today: string;
  person: Person;
  document: IdDocument;
  /** The names the applicant gave differ from the document's. */
  nameMismatch: boolean;
  flags: readonly string[];
  nullSubBreakdowns: boolean;
  unidentified: boolean;
}

/** Sub-breakdowns that Onfido skipped in the "null sub-breakdowns" scenario. */
const SKIPPED = ["data_consistency.multiple_data_sources_present", "visual_authenticity.other", "data_comparison.issuing_country"];

function factFindings(input: DocumentReportInput): string[] {
  const flags: string[] = [];
  if (input.document.dateOfExpiry < input.today) flags.push("data_validation.document_expiration");
  if (ageOn(input.person.dateOfBirth, input.today) < MINIMUM_ACCEPTED_AGE) flags.push("age_validation.minimum_accepted_age");
  if (input.document.mrz && !mrzCheckDigitsValid(input.document.mrz)) flags.push("data_validation.mrz");
  if (input.nameMismatch) flags.push("data_comparison.first_name", "data_comparison.last_name");
  if (!input.document.mrz) flags.push("data_validation.mrz=null");
  if (input.nullSubBreakdowns) flags.push(...SKIPPED.map((path) => `${path}=null`));
  return flags;
}

const isConsider = (b: Breakdown | undefined): boolean => b?.result === "consider";

function subResultOf(breakdown: Record<string, Breakdown>): SubResult {
  if (isConsider(breakdown.image_integrity) || isConsider(breakdown.age_validation)) return "rejected";
  const validation = Object.entries(breakdown.data_validation?.breakdown ?? {});
  const expiredOnly = validation.every(
    ([sub, s]) => sub === "document_expiration" || (s.result !== "consider" && s.result !== "unidentified"),
  );
  const fraud = ["visual_authenticity", "compromised_document", "police_record", "data_consistency", "issuing_authority"];
  if (fraud.some((name) => isConsider(breakdown[name])) || !expiredOnly) return "suspected";
  if (isConsider(breakdown.data_validation) || isConsider(breakdown.data_comparison)) return "caution";
  return "clear";
}

function extractedProperties(person: Person, document: IdDocument): Record<string, unknown> {
  const [mrzLine1, mrzLine2, mrzLine3] = document.mrz ?? [];
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    date_of_birth: person.dateOfBirth,
    date_of_expiry: document.dateOfExpiry,
    issuing_date: document.issuingDate,
    document_numbers: [{ type: "document_number", value: document.number }],
    document_type: document.type,
    gender: person.gender === "female" ? "Female" : "Male",
    issuing_country: document.issuingCountry,
    nationality: person.nationality,
    ...(mrzLine1 ? { mrz_line1: mrzLine1 } : {}),
    ...(mrzLine2 ? { mrz_line2: mrzLine2 } : {}),
    ...(mrzLine3 ? { mrz_line3: mrzLine3 } : {}),
  };
}

export function buildDocumentReport(input: DocumentReportInput): OnfidoReport {
  const findings: Map<string, Finding> = parseFindings([...factFindings(input), ...input.flags]);
  const breakdown: Record<string, Breakdown> = {};
  for (const [name, subs] of Object.entries(DOCUMENT_BREAKDOWNS)) {
    const extra = name === "data_validation" && input.document.type === "driving_licence" ? ["barcode"] : [];
    breakdown[name] = buildBreakdown(name, [...subs, ...extra], findings);
  }
  if (input.nullSubBreakdowns) {
    // No chip was read: Onfido reports the breakdown with every result null.
    const none = Object.fromEntries(ISSUING_AUTHORITY_SUBS.map((s) => [s, { result: null, properties: {} }]));
    breakdown.issuing_authority = { result: null, breakdown: none };
  }
  // An unsupported document is not read at all: nothing is extracted, so its type is unknown downstream.
  const unsupported = findings.has("image_integrity.supported_document");
  const subResult: SubResult = input.unidentified ? null : subResultOf(breakdown);
  const result: Result = input.unidentified ? "unidentified" : subResult === "clear" ? "clear" : "consider";
  return {
    id: input.id,
    created_at: input.createdAt,
    href: `/v3.6/reports/${input.id}`,
    check_id: input.checkId,
    name: "document",
    status: "complete",
    result,
    sub_result: subResult,
    breakdown,
    properties: unsupported || input.unidentified ? {} : extractedProperties(input.person, input.document),
    documents: input.documentIds.map((id) => ({ id })),
  };
}
