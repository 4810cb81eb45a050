import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client";
import { rowsOf } from "../../db/rows-of";
import { FINAL_STATUSES } from "../assure/schemas";

const finalList = sql.raw(FINAL_STATUSES.map((s) => `'${s}'`).join(", "));

/** The dossier's own part of the rule: inactive since before the cutoff, and held or not. */
function dossierWhere(cutoff: Date, held: boolean): SQL {
  return sql`d.last_activity_at < ${cutoff.toISOString()}::timestamptz and d.legal_hold_at is ${held ? sql`not null` : sql`null`}`;
}

/**
 * A dossier retention takes: its last activity is older than the cutoff, every process in it is final,
 * some process still holds personal data, and no legal hold stops it. `held` selects the ones a hold stops.
 * Written as joins, for counting over every dossier.
 */
export function retentionWhere(cutoff: Date, held = false): SQL {
  return sql`${dossierWhere(cutoff, held)}
    and exists (select 1 from processes p where p.dossier_id = d.dossier_id and p.purged_at is null)
    and not exists (select 1 from processes p where p.dossier_id = d.dossier_id and p.status not in (${finalList}))`;
}

/**
 * The processes' part of the same rule (some process not purged, none still open) as one look-up of the
 * dossier's processes, for the claim, which reads dossiers in order and stops after a batch. Written as
 * the joins above, the planner may check "none still open" by reading every process of the table once per
 * batch (a million rows, for 200 dossiers); a scalar subquery always runs per dossier, on
 * processes_dossier_idx.
 */
const takenProcessesProbe = sql`(
  select count(*) filter (where p.purged_at is null) > 0 and count(*) filter (where p.status not in (${finalList})) = 0
    from processes p where p.dossier_id = d.dossier_id)`;

export interface RetentionCounts {
  dossiers: number;
  processes: number;
  zips: number;
  /** Dossiers that would go but for a legal hold. */
  held: number;
}

/** What a run with this cutoff would take now (the dry run, and the admin page's "next run"). */
export async function countRetention(db: Db, cutoff: Date): Promise<RetentionCounts> {
  const [row] = rowsOf<{ dossiers: string; processes: string; zips: string; held: string }>(
    await db.execute(sql`
      with c as (select d.dossier_id from dossiers d where ${retentionWhere(cutoff)}),
           p as (select p.process_id from processes p join c using (dossier_id) where p.purged_at is null)
      select (select count(*) from c) as dossiers,
             (select count(*) from p) as processes,
             (select count(*) from process_results r join p using (process_id)) as zips,
             (select count(*) from dossiers d where ${retentionWhere(cutoff, true)}) as held`),
  );
  return { dossiers: Number(row?.dossiers ?? 0), processes: Number(row?.processes ?? 0), zips: Number(row?.zips ?? 0), held: Number(row?.held ?? 0) };
}

export interface Cursor {
  lastActivityAt: string;
  dossierId: string;
}

/**
 * The next batch of dossiers to purge, in (last activity, id) order after the cursor, locked against a
 * concurrent write to the dossier (a new process arriving takes the same row lock), skipping any locked now.
 */
export async function claimRetentionBatch(tx: Tx, cutoff: Date, after: Cursor | null, limit: number): Promise<Cursor[]> {
  // The timestamp as text keeps its microseconds, so the cursor is exact.
  const rows = rowsOf<{ dossier_id: string; last_activity_at: string }>(
    await tx.execute(sql`
      select d.dossier_id, d.last_activity_at::text as last_activity_at from dossiers d
      where ${dossierWhere(cutoff, false)} and ${takenProcessesProbe}
        ${after ? sql`and (d.last_activity_at, d.dossier_id) > (${after.lastActivityAt}::timestamptz, ${after.dossierId})` : sql``}
      order by d.last_activity_at, d.dossier_id
      limit ${limit}
      for update of d skip locked`),
  );
  return rows.map((row) => ({ dossierId: row.dossier_id, lastActivityAt: row.last_activity_at }));
}
