import type { StatusCount } from "@/lib/processes/status-counts-types";

/** Words for Assure's values, as support staff say them. */
export const PROCESS_TYPE_LABELS: Record<string, string> = {
  document: "Document only",
  documentSelfie: "Document + selfie",
  documentVideo: "Document + video",
};

/** The queue's narrow Type column; the full words are its tooltip. */
export const PROCESS_TYPE_SHORT_LABELS: Record<string, string> = {
  document: "Doc only",
  documentSelfie: "Doc + selfie",
  documentVideo: "Doc + video",
};

export const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  passport: "Passport",
  identityCard: "Identity card",
  driverLicense: "Driving licence",
  residencePermit: "Residence permit",
  unknown: "Unknown",
};

export const PROCESS_SORT_LABELS = {
  "updated.desc": "Updated, newest first",
  "updated.asc": "Updated, oldest first",
  "created.desc": "Created, newest first",
  "created.asc": "Created, oldest first",
} as const;

export const LOOKUP_KIND_LABELS = {
  auto: "Anything",
  name: "Name",
  document: "Document number",
  dob: "Date of birth",
  id: "Process or dossier id",
} as const;

const number = new Intl.NumberFormat("en-GB");

/** "1,234", or "5,000+" when counting stopped at the cap. */
export function formatCount(count: StatusCount): string {
  return `${number.format(count.count)}${count.capped ? "+" : ""}`;
}
