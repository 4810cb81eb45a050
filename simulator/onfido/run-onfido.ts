/**
 * What Onfido would return for one process: the person and document a scenario describes, the document
 * report, the facial similarity report (not for processType `document`) and the check. Everything is drawn
 * from the process's own seed, so calling this again for the same plan gives the same objects; that lets the
 * store keep 100,000 processes as small plans and build reports only when asked.
 */
import type { OnfidoDocumentType } from "../people/countries";
import { isoDate, isoTimestamp } from "../people/dates";
import { generateIdentity, type IdDocument, type Person } from "../people/person";
import { createRng, type Rng } from "../people/prng";
import type { ProcessType, Scenario } from "../scenarios/types";
import { buildCheck } from "./check";
import { buildDocumentReport } from "./document-report";
import { buildFacialReport } from "./facial-report";
import type { OnfidoCheck, OnfidoReport } from "./types";

export interface ProcessPlan {
  seed: number;
  scenario: Scenario;
  processType: ProcessType;
  documentType?: OnfidoDocumentType;
  countryOfResidence?: string;
  startedAt: number;
  finishedAt: number;
}

export interface Identity {
  person: Person;
  document: IdDocument;
}

export interface OnfidoRun extends Identity {
  check: OnfidoCheck;
  documentReport: OnfidoReport;
  facialReport?: OnfidoReport;
}

const DEFAULT_FACE_MATCH: readonly [number, number] = [0.62, 0.99];
const DEFAULT_SPOOFING: readonly [number, number] = [0.72, 0.99];

function drawIdentity(rng: Rng, plan: ProcessPlan): Identity {
  const { scenario } = plan;
  return generateIdentity(rng, {
    today: isoDate(plan.startedAt),
    documentType: plan.documentType,
    allowedDocumentTypes: scenario.documentTypes,
    countryOfResidence: plan.countryOfResidence,
    minor: scenario.minor,
    expired: scenario.expired,
    brokenMrz: scenario.brokenMrz,
  });
}

/** The person and document alone (for pictures of processes that never reached a check). */
export function identityFor(plan: ProcessPlan): Identity {
  return drawIdentity(createRng(plan.seed), plan);
}

export function runOnfido(plan: ProcessPlan): OnfidoRun {
  const rng = createRng(plan.seed);
  const identity = drawIdentity(rng, plan);
  const { scenario } = plan;
  const checkId = rng.uuid();
  const applicantId = rng.uuid();
  const documentIds = [rng.uuid(), rng.uuid()];
  const [docReportId, faceReportId, liveId] = [rng.uuid(), rng.uuid(), rng.uuid()];
  const [matchMin, matchMax] = scenario.faceMatchScore ?? DEFAULT_FACE_MATCH;
  const [spoofMin, spoofMax] = scenario.spoofingScore ?? DEFAULT_SPOOFING;
  const faceMatchScore = rng.float(matchMin, matchMax);
  const spoofingScore = rng.float(spoofMin, spoofMax);

  const checkCreatedAt = isoTimestamp(plan.startedAt);
  const reportCreatedAt = isoTimestamp(Math.min(plan.startedAt + 1000, plan.finishedAt));
  const documentReport = buildDocumentReport({
    id: docReportId,
    checkId,
    documentIds,
    createdAt: reportCreatedAt,
    today: isoDate(plan.startedAt),
    ...identity,
    nameMismatch: scenario.nameMismatch ?? false,
    flags: scenario.documentFlags ?? [],
    nullSubBreakdowns: scenario.nullSubBreakdowns ?? false,
    unidentified: scenario.documentUnidentified ?? false,
  });
  const facialReport =
    plan.processType === "document"
      ? undefined
      : buildFacialReport({
          id: faceReportId,
          checkId,
          documentIds: documentIds.slice(0, 1),
          liveId,
          createdAt: reportCreatedAt,
          variant: plan.processType === "documentVideo" ? "video" : "photo",
          faceMatchScore,
          spoofingScore,
          flags: scenario.faceFlags ?? [],
          resultNull: scenario.faceResultNull ?? false,
        });
  const reports = facialReport ? [documentReport, facialReport] : [documentReport];
  return { ...identity, check: buildCheck(checkId, applicantId, checkCreatedAt, reports), documentReport, facialReport };
}
