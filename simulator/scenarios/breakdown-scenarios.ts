/**
 * One scenario per document and facial sub-breakdown (and per reason where the sub-breakdown carries
 * reasons), named after its path: `document.image_integrity.image_quality.glare_on_photo`,
 * `face.visual_authenticity.spoofing_detection`. Where a finding follows from a fact (expiry, age, MRZ check
 * digits, a score) the scenario sets the fact and lets the report find it.
 */
import { DOCUMENT_BREAKDOWNS, DOCUMENT_REASONS, FACE_BREAKDOWNS, FACE_REASONS } from "../onfido/breakdown-table";
import { ALL_TYPES, FACE_TYPES, LOW_SCORE, MRZ_DOCUMENTS } from "./named-scenarios";
import type { ProcessType, Scenario } from "./types";

/** image_integrity and age_validation make sub_result rejected; every other finding leaves it suspected or caution. */
const REJECTING = new Set(["image_integrity", "age_validation"]);

const FROM_FACTS: Record<string, Partial<Scenario>> = {
  "data_validation.document_expiration": { expired: true },
  "data_validation.mrz": { brokenMrz: true, documentTypes: MRZ_DOCUMENTS },
  "age_validation.minimum_accepted_age": { minor: true, documentTypes: ["passport", "national_identity_card"] },
  "image_integrity.conclusive_document_quality:missing_back": {
    documentFlags: ["image_integrity.conclusive_document_quality:missing_back"],
    documentTypes: ["national_identity_card", "driving_licence", "residence_permit"],
  },
};

function documentScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const [breakdown, subs] of Object.entries(DOCUMENT_BREAKDOWNS)) {
    const status = REJECTING.has(breakdown) ? "rejected" : "inconclusive";
    const paths = subs.length === 0 ? [breakdown] : subs.map((sub) => `${breakdown}.${sub}`);
    for (const path of paths) {
      const reasons = DOCUMENT_REASONS[path];
      const flags = reasons ? reasons.map((r) => `${path}:${r}`) : [path];
      for (const flag of flags) {
        const facts = FROM_FACTS[flag];
        out.push({
          name: `document.${flag.replace(":", ".")}`,
          status,
          description: `Document report: ${flag.replace(":", " flags ")} is consider.`,
          processTypes: ALL_TYPES,
          ...(facts ?? { documentFlags: [flag] }),
        });
      }
    }
  }
  return out;
}

function faceScenarios(): Scenario[] {
  const out = new Map<string, Scenario>();
  for (const variant of ["photo", "video"] as const) {
    const processTypes: ProcessType[] = [variant === "photo" ? "documentSelfie" : "documentVideo"];
    for (const [breakdown, subs] of Object.entries(FACE_BREAKDOWNS[variant])) {
      for (const sub of subs) {
        const path = `${breakdown}.${sub}`;
        const flags = FACE_REASONS[variant][path]?.map((r) => `${path}:${r}`) ?? [path];
        for (const flag of flags) {
          const name = `face.${flag.replace(":", ".")}`;
          const known = out.get(name);
          if (known) {
            known.processTypes = FACE_TYPES;
            continue;
          }
          const facts: Partial<Scenario> =
            path === "face_comparison.face_match"
              ? { faceMatchScore: LOW_SCORE, media: "other-face" }
              : path === "visual_authenticity.spoofing_detection"
                ? { spoofingScore: [0.01, 0.2] }
                : { faceFlags: [flag] };
          out.set(name, {
            name,
            status: "inconclusive",
            description: `Facial similarity report: ${flag.replace(":", " flags ")} is consider.`,
            processTypes,
            ...facts,
          });
        }
      }
    }
  }
  return [...out.values()];
}

export const BREAKDOWN_SCENARIOS: readonly Scenario[] = [...documentScenarios(), ...faceScenarios()];
