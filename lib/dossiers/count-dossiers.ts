import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { dossiers, processes } from "../../db/schema";
import { parseInput } from "../parse-input";
import { lookupCondition, requireLookup } from "../processes/process-filters";
import { COUNT_CAP, type StatusCount } from "../processes/status-counts-types";
import { DossierFilters } from "./dossier-list-query";
import { dossierDateConditions, dossierWhere } from "./list-dossiers";

/**
 * How many dossiers are in view, counted up to COUNT_CAP (then "5,000+"): an exact count of 200,000
 * dossiers would cost more than the page itself, and staff only need to know whether a look-up found
 * one, a few, or a great many.
 */
export async function countDossiers(db: Db, input: unknown = {}): Promise<StatusCount> {
  const filters = parseInput(DossierFilters, input, "These filters are not valid");
  const lookup = requireLookup(filters);
  if (lookup && lookup.kind !== "id" && lookup.kind !== "document-or-id") {
    return countByMatchingProcesses(db, lookupCondition(lookup), dossierDateConditions(filters));
  }
  const matching = db
    .select({ one: sql`1` })
    .from(dossiers)
    .where(dossierWhere(filters))
    .limit(COUNT_CAP + 1)
    .as("matching");
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
  const count = Number(row?.count ?? 0);
  return count > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count, capped: false };
}

/**
 * A look-up by what a process says (a common name matches ten thousand processes): the dossiers of at
 * most COUNT_CAP + 1 matching processes, so the cost stays bounded. When that many processes matched,
 * the dossier count is a lower bound.
 */
async function countByMatchingProcesses(db: Db, matches: SQL, dateConditions: SQL[]): Promise<StatusCount> {
  const matched = db.$with("matched").as(
    db.select({ dossierId: processes.dossierId }).from(processes).where(matches).limit(COUNT_CAP + 1),
  );
  const inView = and(sql`${dossiers.dossierId} in (select ${matched.dossierId} from ${matched})`, ...dateConditions);
  const [row] = await db
    .with(matched)
    .select({
      processes: sql<number>`(select count(*)::int from ${matched})`,
      dossiers: sql<number>`(select count(*)::int from ${dossiers} where ${inView})`,
    })
    .from(sql`(select 1) as one`);
  const count = Math.min(Number(row?.dossiers ?? 0), COUNT_CAP);
  return { count, capped: Number(row?.processes ?? 0) > COUNT_CAP };
}
