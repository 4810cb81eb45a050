import "server-only";
import { dayEndIn, dayStartIn } from "../lists/zoned-day";
import { and, eq, gte, ilike, inArray, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { dossiers, processFindings, processes } from "../../db/schema";
import { InvalidInput } from "../errors";
import { linkedProcessCondition } from "../identity/identity-links";
import { assignmentCondition, type QueueViewer } from "./assignment-filter";
import { parseLookup, type Lookup } from "./parse-lookup";
import type { ProcessFilters } from "./process-list-query";

/**
 * The one `where` of a queue view, shared by its page query and its counts so that the two never
 * disagree about which rows are in view.
 */

/** `%`, `_` and `\` typed by staff are matched literally. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A prefix match as a byte-wise range (`~>=~`, `~<~`): the operators of the `text_pattern_ops`
 * indexes. Unlike `LIKE $1`, the range is usable by the index even in a generic plan of a prepared
 * statement, where the planner cannot see the pattern.
 */
export function startsWith(column: AnyColumn, prefix: string): SQL {
  const last = prefix.codePointAt(prefix.length - 1)!;
  const upper = prefix.slice(0, -1) + String.fromCodePoint(last + 1);
  return sql`(${column} ~>=~ ${prefix} and ${column} ~<~ ${upper})`;
}

/**
 * The prefix index on dossier ids lives on `dossiers`. `= any(array(subquery))` runs the subquery once
 * and leaves an indexable condition on `processes_dossier_idx`, which can join a BitmapOr with the
 * other prefixes; `in (subquery)` would make the planner scan every process.
 */
function inDossierWithIdPrefix(prefix: string): SQL {
  return sql`${processes.dossierId} = any(array(select ${dossiers.dossierId} from ${dossiers} where ${startsWith(dossiers.dossierId, prefix)}))`;
}

/** Conditions on `processes` that find what the look-up box asks for. */
export function lookupCondition(lookup: Lookup): SQL {
  switch (lookup.kind) {
    case "name":
      // One ILIKE per word on the folded name: "maria mendes" finds "maria paula santos mendes", and
      // each word is served by the trigram index.
      return and(...lookup.words.map((word) => ilike(processes.nameSearch, `%${escapeLike(word)}%`)))!;
    case "document":
      return startsWith(processes.documentNumber, lookup.prefix);
    case "dob":
      return eq(processes.dateOfBirth, lookup.date);
    case "id":
      return or(startsWith(processes.processId, lookup.prefix), inDossierWithIdPrefix(lookup.prefix))!;
    case "document-or-id":
      return or(
        startsWith(processes.documentNumber, lookup.documentPrefix),
        startsWith(processes.processId, lookup.idPrefix),
        inDossierWithIdPrefix(lookup.idPrefix),
      )!;
  }
}

/** The look-up as typed, understood, or an InvalidInput that says what to type instead. */
export function requireLookup(filters: Pick<ProcessFilters, "q" | "by">): Lookup | null {
  const result = parseLookup(filters.q, filters.by ?? "auto");
  if (!result.ok) throw new InvalidInput(result.message);
  return result.lookup;
}


/**
 * Everything but the status: what the per-status counts are taken over. The viewer is the signed-in
 * user (from the session): the assignment filters need it and refuse without it.
 */
export function processConditionsExceptStatus(filters: ProcessFilters, viewer?: QueueViewer | null): SQL[] {
  const conditions: SQL[] = [];
  if (filters.assigned) conditions.push(assignmentCondition(filters.assigned, viewer));
  const lookup = requireLookup(filters);
  if (lookup) conditions.push(lookupCondition(lookup));
  if (filters.type) conditions.push(eq(processes.processType, filters.type));
  if (filters.doc) conditions.push(eq(processes.documentType, filters.doc));
  if (filters.country) conditions.push(eq(processes.issuingCountry, filters.country));
  if (filters.reason) conditions.push(eq(processes.failReasonType, filters.reason));
  if (filters.finding) conditions.push(flaggedCondition(filters.finding));
  if (filters.linked) conditions.push(linkedProcessCondition());
  // Days in the viewer's zone, as the desk shows times there; `to` includes its whole day.
  const time = filters.dates === "created" ? processes.createdAt : processes.updatedAt;
  if (filters.from) conditions.push(gte(time, dayStartIn(filters.from, filters.tz ?? "UTC")));
  if (filters.to) conditions.push(lt(time, dayEndIn(filters.to, filters.tz ?? "UTC")));
  return conditions;
}

/** Onfido flagged this report, breakdown or sub-breakdown `consider` (process_findings_flagged_idx). */
export function flaggedCondition(path: string): SQL {
  return sql`exists (select 1 from ${processFindings} where ${processFindings.processId} = ${processes.processId}
    and ${processFindings.path} = ${path} and ${processFindings.result} = 'consider')`;
}

export function processWhere(filters: ProcessFilters, viewer?: QueueViewer | null): SQL | undefined {
  const conditions = processConditionsExceptStatus(filters, viewer);
  if (filters.status?.length) conditions.push(inArray(processes.status, filters.status));
  return and(...conditions);
}

/** True when something other than the status narrows the set (the counters then do not apply). */
export function narrowsBeyondStatus(filters: ProcessFilters): boolean {
  return Boolean(
    filters.q?.trim() || filters.assigned || filters.type || filters.doc || filters.country || filters.reason || filters.finding || filters.linked || filters.from || filters.to,
  );
}
