import "server-only";
import { dayEndIn, dayStartIn } from "../lists/zoned-day";
import { and, desc, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, processes } from "../../db/schema";
import type { ProcessStatus } from "../assure/schemas";
import { parseInput } from "../parse-input";
import {
  cursorScope,
  readKeysetPage,
  exactTimestamp,
  type KeysetPage,
  type KeysetRead,
} from "../pagination/scoped-cursor";
import { lookupCondition, requireLookup, startsWith } from "../processes/process-filters";
import type { Lookup } from "../processes/parse-lookup";
import { DossierFilters, ListDossiersInput, type DossierSort } from "./dossier-list-query";

export { ListDossiersInput } from "./dossier-list-query";

export interface DossierListItem {
  dossierId: string;
  processCount: number;
  lastActivityAt: Date;
  firstSeenAt: Date;
  goneAt: Date | null;
  /** From the newest process with extracted fields, if any. */
  firstName: string | null;
  lastName: string | null;
  /** The newest process's status. */
  latestStatus: ProcessStatus | null;
}

export type DossierPage = KeysetPage<DossierListItem>;

/** Dossiers holding a process that matches the look-up; an id may be the dossier's own. */
function dossierLookupCondition(lookup: Lookup): SQL {
  const viaProcess = sql`select ${processes.dossierId} from ${processes} where ${lookupCondition(lookup)}`;
  if (lookup.kind === "id" || lookup.kind === "document-or-id") {
    const prefix = lookup.kind === "id" ? lookup.prefix : lookup.idPrefix;
    // `= any(array(...))` keeps both sides indexable (a BitmapOr); an OR with `in (...)` would not.
    return or(startsWith(dossiers.dossierId, prefix), sql`${dossiers.dossierId} = any(array(${viaProcess}))`)!;
  }
  return sql`${dossiers.dossierId} in (${viaProcess})`;
}

/** Last activity between two UTC days, `to` included. */
export function dossierDateConditions(filters: DossierFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(gte(dossiers.lastActivityAt, dayStartIn(filters.from, filters.tz ?? "UTC")));
  if (filters.to) conditions.push(lt(dossiers.lastActivityAt, dayEndIn(filters.to, filters.tz ?? "UTC")));
  return conditions;
}

export function dossierWhere(filters: DossierFilters): SQL | undefined {
  const lookup = requireLookup(filters);
  return and(...(lookup ? [dossierLookupCondition(lookup)] : []), ...dossierDateConditions(filters));
}

export function dossierListScope(sort: DossierSort, filters: DossierFilters): string {
  return cursorScope(["dossiers", sort, filters.q ?? null, filters.by ?? "auto", filters.from ?? null, filters.to ?? null, ...(filters.tz && filters.tz !== "UTC" ? [filters.tz] : [])]);
}

/** Who each dossier is (the newest extracted name) and where it stands (the newest status). */
async function describeDossiers(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { firstName: string | null; lastName: string | null; latestStatus: ProcessStatus | null }>();
  const [named, latest] = await Promise.all([
    db
      .selectDistinctOn([processes.dossierId], { dossierId: processes.dossierId, firstName: processes.firstName, lastName: processes.lastName })
      .from(processes)
      .where(and(inArray(processes.dossierId, ids), sql`${processes.nameSearch} is not null`))
      .orderBy(processes.dossierId, desc(processes.updatedAt)),
    db
      .selectDistinctOn([processes.dossierId], { dossierId: processes.dossierId, status: processes.status })
      .from(processes)
      .where(inArray(processes.dossierId, ids))
      .orderBy(processes.dossierId, desc(processes.updatedAt)),
  ]);
  const names = new Map(named.map((n) => [n.dossierId, n]));
  return new Map(
    latest.map((l) => [
      l.dossierId,
      { firstName: names.get(l.dossierId)?.firstName ?? null, lastName: names.get(l.dossierId)?.lastName ?? null, latestStatus: l.status },
    ]),
  );
}

/** The dossier list's rows for one keyset read: the view's `where` (dossierWhere, shared with its count and the CSV export). */
export function readDossierRows(db: Db, filters: DossierFilters, time: DossierTimeColumn, { where, orderBy, limit }: KeysetRead) {
  return db
    .select({
      dossierId: dossiers.dossierId,
      processCount: dossiers.processCount,
      lastActivityAt: dossiers.lastActivityAt,
      firstSeenAt: dossiers.firstSeenAt,
      goneAt: dossiers.goneAt,
      position: exactTimestamp(time),
    })
    .from(dossiers)
    .where(and(dossierWhere(filters), where))
    .orderBy(...orderBy)
    .limit(limit);
}

type DossierTimeColumn = typeof dossiers.firstSeenAt | typeof dossiers.lastActivityAt;
export type DossierRow = Omit<Awaited<ReturnType<typeof readDossierRows>>[number], "position">;

/** The timestamp a sort orders by (and a keyset position is taken on). */
export function dossierSortTime(sort: DossierSort): DossierTimeColumn {
  return sort.startsWith("first-seen") ? dossiers.firstSeenAt : dossiers.lastActivityAt;
}

/** Dossiers a page at a time by keyset, newest activity first unless asked otherwise. */
export async function listDossiers(db: Db, input: ListDossiersInput = {}): Promise<DossierPage> {
  const { filters, sort, limit, cursor: rawCursor } = parseInput(ListDossiersInput, input, "This view of the dossiers is not valid");
  const scope = dossierListScope(sort, filters);
  const time = dossierSortTime(sort);
  const page = await readKeysetPage(
    { scope, cursor: rawCursor, time, id: dossiers.dossierId, sort, limit },
    (read) => readDossierRows(db, filters, time, read),
    (row) => row.dossierId,
  );
  return { ...page, items: await withDescriptions(db, page.items) };
}

/** The rows with the newest extracted name and the newest status of each. */
export async function withDescriptions(db: Db, rows: DossierRow[]): Promise<DossierListItem[]> {
  const described = await describeDossiers(db, rows.map((row) => row.dossierId));
  return rows.map((row) => ({
    ...row,
    firstName: described.get(row.dossierId)?.firstName ?? null,
    lastName: described.get(row.dossierId)?.lastName ?? null,
    latestStatus: described.get(row.dossierId)?.latestStatus ?? null,
  }));
}
