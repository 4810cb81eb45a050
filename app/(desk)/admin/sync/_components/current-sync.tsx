import { LocalTime } from "@/components/local-time";
import type { SyncRunView } from "@/lib/sync/get-sync-overview";
import { CancelSyncButton } from "./sync-buttons";
import { count, formatDuration, formatRate } from "./format-sync";

/** The running sync: a progress bar, done / total, rate and time left. */
export function CurrentSync({ run }: { run: SyncRunView }) {
  const percent = run.progress == null ? null : Math.round(run.progress * 1000) / 10;
  return (
    <section aria-labelledby="current-sync-heading" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="current-sync-heading" className="text-base font-semibold">
          Sync {run.id} running
        </h2>
        <span className="text-sm text-slate-600">
          {run.trigger === "schedule" ? "scheduled" : "started by an admin"} · <LocalTime at={run.startedAt} />
        </span>
      </div>
      {run.waitingForWorker && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Waiting for a worker to take this run (it was just requested, given back, or its worker stopped); the next one to
          look resumes it where it stopped.
        </p>
      )}
      <div
        role="progressbar"
        aria-label={`Sync ${run.id} progress`}
        aria-valuemin={0}
        aria-valuemax={run.totalDossiers ?? undefined}
        aria-valuenow={run.totalDossiers == null ? undefined : run.doneDossiers}
        aria-valuetext={run.totalDossiers == null ? "listing dossiers" : `${run.doneDossiers} of ${run.totalDossiers} dossiers`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Dossiers</dt>
          <dd className="tabular-nums">
            {run.totalDossiers == null ? "listing…" : `${count(run.doneDossiers)} / ${count(run.totalDossiers)}`}
            {percent != null && <span className="text-slate-600"> ({percent}%)</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Rate</dt>
          <dd className="tabular-nums">{formatRate(run.ratePerSecond)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Time left</dt>
          <dd className="tabular-nums">{formatDuration(run.secondsLeft)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Processes seen / changed</dt>
          <dd className="tabular-nums">
            {count(run.processesSeen)} / {count(run.processesChanged)}
          </dd>
        </div>
      </dl>
      {run.errors > 0 && (
        <p className="text-sm text-red-800">
          {count(run.errors)} error{run.errors === 1 ? "" : "s"}; last: {run.lastError}
        </p>
      )}
      <CancelSyncButton runId={run.id} />
    </section>
  );
}
