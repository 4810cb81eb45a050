import "server-only";
import { desc, eq } from "drizzle-orm";
import { syncRuns } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { SYNC_STALE_AFTER_MS } from "./sync-runs";

type SyncRunRow = typeof syncRuns.$inferSelect;

export interface SyncRunView extends Omit<SyncRunRow, "heartbeatAt"> {
  /** 0..1 once the dossiers are listed. */
  progress: number | null;
  /** Dossiers per second since the run started. */
  ratePerSecond: number | null;
  secondsLeft: number | null;
  elapsedSeconds: number;
  /** Running, but no worker holds it (new, given back, or its worker died): one will take it. */
  waitingForWorker: boolean;
}

export interface SyncOverview {
  current: SyncRunView | null;
  history: SyncRunView[];
}

export function describeSyncRun(run: SyncRunRow, now: Date, staleAfterMs = SYNC_STALE_AFTER_MS): SyncRunView {
  const { heartbeatAt, ...rest } = run;
  const end = run.finishedAt ?? now;
  const elapsedSeconds = Math.max(0, (end.getTime() - run.startedAt.getTime()) / 1000);
  const total = run.totalDossiers;
  const progress = total == null ? null : total === 0 ? 1 : Math.min(1, run.doneDossiers / total);
  const ratePerSecond = elapsedSeconds > 0 && run.doneDossiers > 0 ? run.doneDossiers / elapsedSeconds : null;
  const secondsLeft =
    run.state === "running" && total != null && ratePerSecond ? Math.max(0, (total - run.doneDossiers) / ratePerSecond) : null;
  const waitingForWorker = run.state === "running" && now.getTime() - heartbeatAt.getTime() > staleAfterMs;
  return { ...rest, progress, ratePerSecond, secondsLeft, elapsedSeconds, waitingForWorker };
}

/** The running sync (if any) and the latest runs, newest first. */
export async function getSyncOverview(ctx: Ctx, options: { historyLimit?: number; now?: Date } = {}): Promise<SyncOverview> {
  requireCapability(ctx, "desk.admin");
  const { db } = ctx;
  const now = options.now ?? new Date();
  const [running, recent] = await Promise.all([
    db.select().from(syncRuns).where(eq(syncRuns.state, "running")).limit(1),
    db.select().from(syncRuns).orderBy(desc(syncRuns.startedAt)).limit(options.historyLimit ?? 20),
  ]);
  return {
    current: running[0] ? describeSyncRun(running[0], now) : null,
    history: recent.map((run) => describeSyncRun(run, now)),
  };
}
