import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, processes, processResults } from "../../db/schema";
import type { AssureClient } from "../assure/client";
import type { Dossier } from "../assure/schemas";
import { upsertProcess } from "../processes/upsert-process";
import { resultStore } from "../results/result-store";
import { classifyAssureFailure } from "./assure-failure";

/** Statuses for which Assure keeps a full-result zip (as in refresh-process.ts). */
const WITH_RESULT = new Set(["accepted", "rejected", "inconclusive"]);

export interface DossierSyncResult {
  /** Processes Assure listed in the dossier. */
  seen: number;
  /** New to the desk, or with another status or `updatedAt` than the desk held. */
  changed: number;
  zipsStored: number;
  /** Assure answered 404: the dossier is gone there (retention or deletion); our copy stays. */
  gone: boolean;
}

/**
 * Brings one dossier up to date. `GET /dossiers/{id}` carries its processes, so each is stored from that
 * object directly (no second GET per process); a zip is downloaded only for a finished process whose zip
 * the desk does not hold yet. A 404 marks the dossier gone instead of deleting anything.
 * Throws when Assure cannot be read, so that the caller retries; a repeat is harmless.
 */
export async function syncDossier(db: Db, assure: AssureClient, dossierId: string): Promise<DossierSyncResult> {
  let dossier: Dossier;
  try {
    dossier = await assure.getDossier(dossierId);
  } catch (error) {
    if (classifyAssureFailure(error) !== "not-found") throw error;
    await db
      .update(dossiers)
      .set({ goneAt: sql`coalesce(${dossiers.goneAt}, now())` as unknown as Date })
      .where(eq(dossiers.dossierId, dossierId));
    return { seen: 0, changed: 0, zipsStored: 0, gone: true };
  }

  await recordDossier(db, dossierId, dossier);
  const listed = dossier.processes ?? [];
  if (listed.length === 0) return { seen: 0, changed: 0, zipsStored: 0, gone: false };

  const ids = listed.map((p) => p.processId);
  const [held, zips] = await Promise.all([
    db
      .select({ processId: processes.processId, status: processes.status, updatedAt: processes.updatedAt })
      .from(processes)
      .where(inArray(processes.processId, ids)),
    db.select({ processId: processResults.processId }).from(processResults).where(inArray(processResults.processId, ids)),
  ]);
  const before = new Map(held.map((row) => [row.processId, row]));
  const withZip = new Set(zips.map((row) => row.processId));

  let changed = 0;
  let zipsStored = 0;
  const results = resultStore(db);
  for (const process of listed) {
    const stored = await upsertProcess(db, { dossierId, process });
    const previous = before.get(process.processId);
    const updatedAt = process.updatedAt ? new Date(process.updatedAt).getTime() : undefined;
    if (
      stored.outcome === "inserted" ||
      (stored.outcome === "updated" && (previous?.status !== process.status || previous.updatedAt.getTime() !== updatedAt))
    ) {
      changed += 1;
    }
    if (!WITH_RESULT.has(process.status) || withZip.has(process.processId)) continue;
    const zip = await assure.downloadResult(dossierId, process.processId);
    if (!zip) continue;
    await results.put(process.processId, zip);
    zipsStored += 1;
  }
  return { seen: listed.length, changed, zipsStored, gone: false };
}

/**
 * The dossier row with Assure's own timestamps, so that an empty dossier is listed too, and a dossier
 * that answers again is no longer marked gone. `last_activity_at` is left to the process upserts.
 */
async function recordDossier(db: Db, dossierId: string, dossier: Dossier) {
  const createdAt = dossier.createdAt ? new Date(dossier.createdAt) : null;
  const updatedAt = dossier.updatedAt ? new Date(dossier.updatedAt) : null;
  const now = new Date();
  await db
    .insert(dossiers)
    .values({ dossierId, createdAt, updatedAt, firstSeenAt: now, lastSyncedAt: now, lastActivityAt: updatedAt ?? createdAt ?? now })
    .onConflictDoUpdate({
      target: dossiers.dossierId,
      set: {
        createdAt: sql`coalesce(excluded.created_at, ${dossiers.createdAt})`,
        updatedAt: sql`coalesce(excluded.updated_at, ${dossiers.updatedAt})`,
        lastSyncedAt: now,
        goneAt: null,
      },
    });
}
