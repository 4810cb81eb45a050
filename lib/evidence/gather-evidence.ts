import "server-only";
import { webcrypto } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../../db/client";
import { auditLog, processes, processRetries, reviewDecisions, staffUsers } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { getDossier, type VerifiedIdentity } from "../dossiers/get-dossier";
import { InvalidInput, NotFound } from "../errors";
import { getIdentityLinks, type IdentityLinksView } from "../identity/identity-links";
import { isDocumentReport, isFacialReport } from "../onfido/report-schemas";
import { buildReportTree, type ReportTree } from "../onfido/report-tree";
import { buildReviewModel, type ReviewModel } from "../onfido/review-model";
import { parseRouteParams } from "../parse-input";
import { getResultLoader, type LoadedResult, type ResultLoader } from "../results/load-result";
import { UnsafeResultError } from "../results/result-errors";
import { getResultRefusal } from "../results/result-refusals";
import type { ResultWarning } from "../results/unpack-result";
import { getDossierPrivacy, type DossierPrivacy } from "../retention/get-dossier-privacy";
import { pictureForPdf, type PdfImage } from "./downscale-image";

/**
 * Everything the evidence pack shows about a dossier, gathered for a compliance officer or admin: what was
 * verified (each process, Assure's readings, Onfido's breakdowns, the MRZ, the pictures) and what the desk
 * decided (review decisions, retries, the audit trail), with the SHA-256 of each stored zip.
 */

export interface EvidencePicture {
  label: string;
  path: string;
  /** Null when the PDF cannot show it (a video, a picture too large or unreadable): it is named instead. */
  image: PdfImage | null;
  note: string | null;
}

export type EvidenceResult =
  | { state: "none"; tooLarge: { limitBytes: number; declaredBytes: number | null } | null }
  | { state: "refused"; sha256: string; sizeBytes: number; storedAt: Date; kind: "unsafe" | "unreadable"; reason: string; message: string }
  | { state: "ready"; sha256: string; sizeBytes: number; storedAt: Date; trees: ReportTree[]; pictures: EvidencePicture[]; warnings: ResultWarning[] };

export interface EvidenceDecision {
  decision: string;
  reasonCategory: string;
  /**
   * The officer's note, for every role that may have the pack (`evidence.read`: compliance and admin); a
   * purge leaves it empty. The pack is the one place an admin reads notes: on the desk's pages they stay
   * with `reviews.write`.
   */
  note: string;
  state: string;
  decidedBy: string;
  decidedAt: Date;
  confirmedBy: string | null;
  confirmedAt: Date | null;
}

export interface EvidenceRetry {
  attempt: number;
  state: string;
  newProcessId: string | null;
  requestedBy: string;
  requestedAt: Date;
}

export interface EvidenceProcess {
  processId: string;
  status: string;
  provider: string | null;
  processType: string | null;
  documentType: string | null;
  issuingCountry: string | null;
  createdAt: Date;
  updatedAt: Date;
  firstSeenAt: Date;
  lastSyncedAt: Date;
  purgedAt: Date | null;
  purgeReason: string | null;
  failReason: { type: string | null; message: string | null } | null;
  retryOfProcessId: string | null;
  finalResult: Record<string, unknown> | null;
  providerSpecific: Record<string, unknown> | null;
  review: ReviewModel;
  result: EvidenceResult;
  decisions: EvidenceDecision[];
  retries: EvidenceRetry[];
}

export interface EvidenceAuditRow {
  id: number;
  at: Date;
  actor: string | null;
  role: string | null;
  action: string;
  processId: string | null;
  details: string;
}

export interface EvidencePack {
  dossierId: string;
  generatedAt: Date;
  generatedBy: { name: string; email: string; role: string };
  dossier: { createdAt: Date | null; firstSeenAt: Date; lastActivityAt: Date; goneAt: Date | null; processCount: number };
  privacy: Pick<DossierPrivacy, "hold" | "erasure" | "purged">;
  identity: VerifiedIdentity | null;
  links: IdentityLinksView;
  processes: EvidenceProcess[];
  audit: EvidenceAuditRow[];
  auditTruncated: boolean;
}

const EvidenceParams = z.object({ dossierId: z.string().trim().min(1).max(200) });

/** More than any real dossier's trail; a pack that reaches it says so. */
export const EVIDENCE_AUDIT_LIMIT = 2000;

const KIND_LABELS: Record<string, string> = { front: "Document front", back: "Document back", selfie: "Selfie", portrait: "Portrait", video: "Liveness video" };
const KIND_ORDER = ["front", "back", "portrait", "selfie", "video", "other"];

/**
 * The evidence pack's contents. Audited (`evidence.generate`, with counts only) once the dossier is known
 * to exist; an unknown dossier is NotFound and leaves no row.
 */
export async function gatherEvidence(ctx: Ctx, params: unknown, loader: ResultLoader = getResultLoader()): Promise<EvidencePack> {
  const user = requireCapability(ctx, "evidence.read");
  const { dossierId } = parseRouteParams(EvidenceParams, params, "No such dossier");
  const detail = await getDossier(ctx.db, dossierId).catch((error: unknown) => {
    throw error instanceof InvalidInput ? new NotFound("No such dossier", { cause: error }) : error;
  });
  const [rows, privacy, links, audit] = await Promise.all([
    ctx.db.select().from(processes).where(eq(processes.dossierId, dossierId)).orderBy(asc(processes.createdAt), asc(processes.processId)),
    getDossierPrivacy(ctx, dossierId),
    getIdentityLinks(ctx.db, { dossierId }, can(user.role, "identity.matches")),
    ctx.db.select().from(auditLog).where(eq(auditLog.dossierId, dossierId)).orderBy(asc(auditLog.id)).limit(EVIDENCE_AUDIT_LIMIT + 1),
  ]);
  const ids = rows.map((r) => r.processId);
  const [decisions, retries] = await Promise.all([decisionsOf(ctx.db, ids), retriesOf(ctx.db, ids)]);

  // Pictures are shrunk one process at a time, while the next process's zip is read and unpacked (so at
  // most two zips are held), and a picture that appears in several processes (a retry copies the document
  // images) is shrunk once.
  const pictures = new Map<string, Promise<PdfImage | null>>();
  const evidence: EvidenceProcess[] = [];
  const load = (row: (typeof rows)[number]): Promise<LoadedResult> => {
    const loading = row.purgedAt ? Promise.resolve({ state: "none" } as const) : loader(ctx.db, row.processId);
    // Awaited in its turn; until then a failure must not count as unhandled.
    loading.catch(() => {});
    return loading;
  };
  let next = rows[0] ? load(rows[0]) : null;
  for (const [i, row] of rows.entries()) {
    const loaded = await next!;
    next = rows[i + 1] ? load(rows[i + 1]!) : null;
    const ready = loaded.state === "ready" ? loaded.result : null;
    const reports = ready?.reports.map((r) => r.report) ?? [];
    const failReason = row.failReasonType || row.failReasonMessage ? { type: row.failReasonType, message: row.failReasonMessage } : null;
    evidence.push({
      processId: row.processId,
      status: row.status,
      provider: row.provider,
      processType: row.processType,
      documentType: row.documentType,
      issuingCountry: row.issuingCountry,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      firstSeenAt: row.firstSeenAt,
      lastSyncedAt: row.lastSyncedAt,
      purgedAt: row.purgedAt,
      purgeReason: row.purgeReason,
      failReason,
      retryOfProcessId: row.retryOfProcessId,
      finalResult: row.finalResult,
      providerSpecific: row.providerSpecific,
      review: buildReviewModel({
        status: row.status,
        processType: row.processType,
        finalResult: row.finalResult,
        providerSpecific: row.providerSpecific,
        failReason,
        documentReport: reports.find(isDocumentReport) ?? null,
        facialReport: reports.find(isFacialReport) ?? null,
      }),
      result: await resultOf(ctx.db, row.processId, loaded, pictures),
      decisions: decisions.get(row.processId) ?? [],
      retries: retries.get(row.processId) ?? [],
    });
  }

  await recordAudit(ctx.db, actorOf(ctx), {
    action: "evidence.generate",
    dossierId,
    details: { processes: evidence.length, zips: evidence.filter((p) => p.result.state !== "none").length },
  });

  const { dossier } = detail;
  return {
    dossierId,
    generatedAt: new Date(),
    generatedBy: { name: user.name, email: user.email, role: user.role },
    dossier: { createdAt: dossier.createdAt, firstSeenAt: dossier.firstSeenAt, lastActivityAt: dossier.lastActivityAt, goneAt: dossier.goneAt, processCount: rows.length },
    privacy: { hold: privacy.hold, erasure: privacy.erasure, purged: privacy.purged },
    identity: detail.identity,
    links,
    processes: evidence,
    audit: audit.slice(0, EVIDENCE_AUDIT_LIMIT).map((a) => ({
      id: a.id,
      at: a.at,
      actor: a.actorEmail,
      role: a.actorRole,
      action: a.action,
      processId: a.processId,
      details: Object.keys(a.details).length ? JSON.stringify(a.details) : "",
    })),
    auditTruncated: audit.length > EVIDENCE_AUDIT_LIMIT,
  };
}

async function resultOf(db: Db, processId: string, loaded: LoadedResult, pictures: Map<string, Promise<PdfImage | null>>): Promise<EvidenceResult> {
  if (loaded.state === "none") {
    const refusal = await getResultRefusal(db, processId);
    return { state: "none", tooLarge: refusal ? { limitBytes: refusal.limitBytes, declaredBytes: refusal.declaredBytes } : null };
  }
  const { sha256, sizeBytes, storedAt } = loaded.stored;
  if (loaded.state === "refused") {
    const { error } = loaded;
    return { state: "refused", sha256, sizeBytes, storedAt, kind: error instanceof UnsafeResultError ? "unsafe" : "unreadable", reason: error.reason, message: error.message };
  }
  const { result } = loaded;
  const media = [...result.media].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  // A process's pictures are shrunk side by side (pictureForPdf bounds how many run at once).
  const shown = await Promise.all(
    media.map(async (m): Promise<EvidencePicture> => {
      const label = KIND_LABELS[m.kind] ?? m.path.split("/").pop() ?? m.slug;
      if (m.contentType === "video/mp4") return { label, path: m.path, image: null, note: `video, ${m.bytes.byteLength} bytes: in the stored zip` };
      const key = `${m.contentType}:${m.bytes.byteLength}:${await digest(m.bytes)}`;
      let picture = pictures.get(key);
      if (!picture) {
        picture = pictureForPdf(m.bytes, m.contentType);
        pictures.set(key, picture);
      }
      const image = await picture;
      return { label, path: m.path, image, note: image ? null : "could not be shown in the PDF: see the stored zip" };
    }),
  );
  return { state: "ready", sha256, sizeBytes, storedAt, trees: result.reports.map((r) => buildReportTree(r.report)), pictures: shown, warnings: result.warnings };
}

/** SHA-256 in libuv's thread pool (WebCrypto), not on the event loop that reads and unpacks the next zip. */
async function digest(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest("SHA-256", bytes)).toString("hex");
}

async function decisionsOf(db: Db, processIds: string[]): Promise<Map<string, EvidenceDecision[]>> {
  const out = new Map<string, EvidenceDecision[]>();
  if (processIds.length === 0) return out;
  const decider = alias(staffUsers, "decider");
  const confirmer = alias(staffUsers, "confirmer");
  const rows = await db
    .select({ row: reviewDecisions, decidedBy: decider.name, confirmedBy: confirmer.name })
    .from(reviewDecisions)
    .innerJoin(decider, eq(decider.id, reviewDecisions.decidedBy))
    .leftJoin(confirmer, eq(confirmer.id, reviewDecisions.confirmedBy))
    .where(inArray(reviewDecisions.processId, processIds))
    .orderBy(asc(reviewDecisions.decidedAt), asc(reviewDecisions.id));
  for (const { row, decidedBy, confirmedBy } of rows) {
    const list = out.get(row.processId) ?? [];
    list.push({
      decision: row.decision,
      reasonCategory: row.reasonCategory,
      note: row.note,
      state: row.state,
      decidedBy,
      decidedAt: row.decidedAt,
      confirmedBy,
      confirmedAt: row.confirmedAt,
    });
    out.set(row.processId, list);
  }
  return out;
}

async function retriesOf(db: Db, processIds: string[]): Promise<Map<string, EvidenceRetry[]>> {
  const out = new Map<string, EvidenceRetry[]>();
  if (processIds.length === 0) return out;
  const rows = await db
    .select({ row: processRetries, requestedBy: staffUsers.name })
    .from(processRetries)
    .innerJoin(staffUsers, eq(staffUsers.id, processRetries.requestedBy))
    .where(inArray(processRetries.originalProcessId, processIds))
    .orderBy(asc(processRetries.attempt));
  for (const { row, requestedBy } of rows) {
    const list = out.get(row.originalProcessId) ?? [];
    list.push({ attempt: row.attempt, state: row.state, newProcessId: row.newProcessId, requestedBy, requestedAt: row.requestedAt });
    out.set(row.originalProcessId, list);
  }
  return out;
}
