import { LocalTime } from "@/components/local-time";
import type { SyncRunView } from "@/lib/sync/get-sync-overview";
import { count, formatDuration } from "./format-sync";

const STATE_STYLES: Record<SyncRunView["state"], string> = {
  running: "bg-sky-50 text-sky-800 ring-sky-300",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
  canceled: "bg-zinc-100 text-zinc-700 ring-zinc-300",
};

export function SyncHistory({ runs }: { runs: SyncRunView[] }) {
  if (runs.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        No full sync has run yet.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Full syncs, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Run</th>
            <th scope="col" className="px-3 py-2">State</th>
            <th scope="col" className="px-3 py-2">Trigger</th>
            <th scope="col" className="px-3 py-2">Started</th>
            <th scope="col" className="px-3 py-2">Took</th>
            <th scope="col" className="px-3 py-2">Dossiers</th>
            <th scope="col" className="px-3 py-2">Processes seen</th>
            <th scope="col" className="px-3 py-2">Changed</th>
            <th scope="col" className="px-3 py-2">Errors</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} className="align-top">
              <td className="px-3 py-2 font-mono text-xs">{run.id}</td>
              <td className="px-3 py-2">
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_STYLES[run.state]}`}>
                  {run.state}
                </span>
              </td>
              <td className="px-3 py-2">{run.trigger}</td>
              <td className="px-3 py-2 whitespace-nowrap"><LocalTime at={run.startedAt} /></td>
              <td className="px-3 py-2 tabular-nums">{formatDuration(run.elapsedSeconds)}</td>
              <td className="px-3 py-2 tabular-nums">
                {count(run.doneDossiers)} / {count(run.totalDossiers)}
              </td>
              <td className="px-3 py-2 tabular-nums">{count(run.processesSeen)}</td>
              <td className="px-3 py-2 tabular-nums">{count(run.processesChanged)}</td>
              <td className="px-3 py-2 text-xs">
                {run.errors > 0 ? (
                  <span className="text-red-800" title={run.lastError ?? undefined}>
                    {count(run.errors)}
                    {run.lastError ? `: ${run.lastError}` : ""}
                  </span>
                ) : (
                  "0"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
