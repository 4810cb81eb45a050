import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/local-time";
import type { SyncRunView } from "@/lib/sync/get-sync-overview";
import { count, formatDuration } from "./format-sync";
import { useSyncWords } from "./use-sync-words";

const STATE_STYLES: Record<SyncRunView["state"], string> = {
  running: "bg-sky-50 text-sky-800 ring-sky-300",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
  canceled: "bg-zinc-100 text-zinc-700 ring-zinc-300",
};

export function SyncHistory({ runs }: { runs: SyncRunView[] }) {
  const t = useTranslations("Sync");
  const words = useSyncWords();
  if (runs.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        {t("nothingYet")}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("table.run")}</th>
            <th scope="col" className="px-3 py-2">{t("table.state")}</th>
            <th scope="col" className="px-3 py-2">{t("table.trigger")}</th>
            <th scope="col" className="px-3 py-2">{t("table.started")}</th>
            <th scope="col" className="px-3 py-2">{t("table.took")}</th>
            <th scope="col" className="px-3 py-2">{t("table.dossiers")}</th>
            <th scope="col" className="px-3 py-2">{t("table.processesSeen")}</th>
            <th scope="col" className="px-3 py-2">{t("table.changed")}</th>
            <th scope="col" className="px-3 py-2">{t("table.errors")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} className="align-top">
              <td className="px-3 py-2 font-mono text-xs">{run.id}</td>
              <td className="px-3 py-2">
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_STYLES[run.state]}`}>
                  {t(`states.${run.state}`)}
                </span>
              </td>
              <td className="px-3 py-2">{run.trigger === "schedule" || run.trigger === "admin" ? t(`triggers.${run.trigger}`) : run.trigger}</td>
              <td className="px-3 py-2 whitespace-nowrap"><LocalTime at={run.startedAt} /></td>
              <td className="px-3 py-2 tabular-nums">{formatDuration(run.elapsedSeconds, words)}</td>
              <td className="px-3 py-2 tabular-nums">
                {count(run.doneDossiers, words)} / {count(run.totalDossiers, words)}
              </td>
              <td className="px-3 py-2 tabular-nums">{count(run.processesSeen, words)}</td>
              <td className="px-3 py-2 tabular-nums">{count(run.processesChanged, words)}</td>
              <td className="px-3 py-2 text-xs">
                {run.errors > 0 ? (
                  // The last error as the sync wrote it.
                  <span className="text-red-800" title={run.lastError ?? undefined}>
                    {count(run.errors, words)}
                    {run.lastError ? `: ${run.lastError}` : ""}
                  </span>
                ) : (
                  count(0, words)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
