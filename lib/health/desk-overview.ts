import "server-only";
import type { Database } from "../../db/client";
import { PROCESS_STATUSES, type ProcessStatus } from "../assure/schemas";

export interface DeskOverview {
  engine: Database["engine"];
  migrationsApplied: number;
  dossiers: number;
  processesByStatus: Record<ProcessStatus, number>;
}

/** What an admin wants to see first: which database, and how much is in it. */
export async function getDeskOverview(database: Database): Promise<DeskOverview> {
  const [migrations, dossierCount, statusCounts] = await Promise.all([
    database.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations"),
    database.query<{ n: number }>("select count(*)::int as n from dossiers"),
    // From the counters the triggers keep (drizzle/0002), not a count of every process on each view.
    database.query<{ status: ProcessStatus; n: number }>(
      "select status, sum(count)::int as n from process_status_counts group by status",
    ),
  ]);
  const processesByStatus = Object.fromEntries(PROCESS_STATUSES.map((s) => [s, 0])) as Record<ProcessStatus, number>;
  for (const row of statusCounts) processesByStatus[row.status] = row.n;
  return {
    engine: database.engine,
    migrationsApplied: migrations[0]?.n ?? 0,
    dossiers: dossierCount[0]?.n ?? 0,
    processesByStatus,
  };
}
