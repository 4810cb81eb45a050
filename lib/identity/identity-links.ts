import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { anyOf } from "../../db/any-of";
import type { Db } from "../../db/client";
import { dossiers, identityLinks, processes, type IDENTITY_MATCHES } from "../../db/schema";
import type { ProcessStatus } from "../assure/schemas";

export type IdentityMatch = (typeof IDENTITY_MATCHES)[number];

/** Another dossier that holds the same person, as far as the viewer may know why. */
export interface LinkedDossier {
  dossierId: string;
  /** The newest process's status in that dossier. */
  status: ProcessStatus | null;
  /** What matched; null for roles that may see only that a link exists (support). */
  matches: IdentityMatch[] | null;
}

export interface IdentityLinksView {
  linked: LinkedDossier[];
  /** Three or more rejected or failed processes within 30 days in this dossier. */
  repeatedAttempts: boolean;
}

/** The most linked dossiers a page lists; links are capped per key at ingest as well (100 per match). */
export const MAX_LINKED_DOSSIERS = 50;

/**
 * The dossiers linked to a dossier, or to one of its processes: read from `identity_links` (kept by
 * triggers at ingest), grouped by the other dossier. `showMatches` is the permission matrix's answer for
 * the viewer (`identity.matches`): without it the kinds of match are left out.
 */
export async function getIdentityLinks(
  db: Db,
  scope: { dossierId: string; processId?: string },
  showMatches: boolean,
): Promise<IdentityLinksView> {
  const where = scope.processId ? eq(identityLinks.processId, scope.processId) : eq(identityLinks.dossierId, scope.dossierId);
  const [rows, [flag]] = await Promise.all([
    db
      .select({
        dossierId: identityLinks.otherDossierId,
        matches: sql<IdentityMatch[]>`array_agg(distinct ${identityLinks.match}::text order by ${identityLinks.match}::text)`,
      })
      .from(identityLinks)
      .where(where)
      .groupBy(identityLinks.otherDossierId)
      .orderBy(identityLinks.otherDossierId)
      .limit(MAX_LINKED_DOSSIERS),
    db.select({ repeatedAttempts: dossiers.repeatedAttempts }).from(dossiers).where(eq(dossiers.dossierId, scope.dossierId)),
  ]);
  const statuses = await latestStatuses(db, rows.map((r) => r.dossierId));
  return {
    linked: rows.map((row) => ({
      dossierId: row.dossierId,
      status: statuses.get(row.dossierId) ?? null,
      matches: showMatches ? row.matches : null,
    })),
    repeatedAttempts: flag?.repeatedAttempts ?? false,
  };
}

async function latestStatuses(db: Db, dossierIds: string[]): Promise<Map<string, ProcessStatus>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([processes.dossierId], { dossierId: processes.dossierId, status: processes.status })
    .from(processes)
    .where(inArray(processes.dossierId, dossierIds))
    .orderBy(processes.dossierId, desc(processes.updatedAt));
  return new Map(rows.map((r) => [r.dossierId, r.status]));
}

/**
 * Which of these rows (a page of the queue, or an export's batch of thousands) are linked to another
 * dossier or sit in a dossier of repeated attempts (the queue's mark). Two look-ups by key: the links' primary
 * key for the processes, the dossiers' for their dossiers. One join with an `or` across both made the planner
 * hash every dossier for an export's batch (about a second per 2,000 rows at a million processes).
 */
export async function linkedProcessIds(db: Db, rows: readonly { processId: string; dossierId: string }[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const [links, repeated] = await Promise.all([
    db
      .selectDistinct({ processId: identityLinks.processId })
      .from(identityLinks)
      .where(anyOf(identityLinks.processId, rows.map((row) => row.processId))),
    db
      .select({ dossierId: dossiers.dossierId })
      .from(dossiers)
      .where(and(anyOf(dossiers.dossierId, [...new Set(rows.map((row) => row.dossierId))]), eq(dossiers.repeatedAttempts, true))),
  ]);
  const linked = new Set(links.map((row) => row.processId));
  const flagged = new Set(repeated.map((row) => row.dossierId));
  return new Set(rows.filter((row) => linked.has(row.processId) || flagged.has(row.dossierId)).map((row) => row.processId));
}

/**
 * The queue's "Linked" filter: the process has a link, or its dossier has repeated attempts. Linked
 * processes are few: `= any(array(subquery))` reads them from the links' and the flag's indexes once and
 * looks the processes up by key, where `exists` per row would make a count walk the whole queue.
 */
export function linkedProcessCondition() {
  return or(
    sql`${processes.processId} = any(array(select distinct ${identityLinks.processId} from ${identityLinks}))`,
    sql`${processes.dossierId} = any(array(select ${dossiers.dossierId} from ${dossiers} where ${dossiers.repeatedAttempts}))`,
  )!;
}

/**
 * How many dossiers are linked to another one, and how many have repeated attempts (for the overview).
 * Both are index scans: the links' dossier index, and the flag.
 */
export async function countLinkedDossiers(db: Db): Promise<{ linked: number; repeatedAttempts: number }> {
  const [[linked], [repeated]] = await Promise.all([
    db.select({ n: sql<number>`count(distinct ${identityLinks.dossierId})::int` }).from(identityLinks),
    db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(eq(dossiers.repeatedAttempts, true)),
  ]);
  return { linked: linked?.n ?? 0, repeatedAttempts: repeated?.n ?? 0 };
}
