import { useFormatter, useTranslations } from "next-intl";
import { LocalTime } from "@/components/local-time";
import type { SyncRunView } from "@/lib/sync/get-sync-overview";
import { CancelSyncButton, type SyncButtonWords } from "./sync-buttons";
import { count, formatDuration, formatRate } from "./format-sync";
import { useSyncWords } from "./use-sync-words";

/** The running sync: a progress bar, done / total, rate and time left. */
export function CurrentSync({ run, buttonWords }: { run: SyncRunView; buttonWords: SyncButtonWords }) {
  const t = useTranslations("Sync.current");
  const format = useFormatter();
  const words = useSyncWords();
  const progress = run.progress == null ? null : Math.round(run.progress * 1000) / 1000;
  return (
    <section aria-labelledby="current-sync-heading" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="current-sync-heading" className="text-base font-semibold">
          {t("heading", { id: run.id })}
        </h2>
        <span className="text-sm text-slate-600">
          {run.trigger === "schedule" ? t("scheduled") : t("byAdmin")} · <LocalTime at={run.startedAt} />
        </span>
      </div>
      {run.waitingForWorker && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("waiting")}
        </p>
      )}
      <div
        role="progressbar"
        aria-label={t("progress", { id: run.id })}
        aria-valuemin={0}
        aria-valuemax={run.totalDossiers ?? undefined}
        aria-valuenow={run.totalDossiers == null ? undefined : run.doneDossiers}
        aria-valuetext={run.totalDossiers == null ? t("listingDossiers") : t("progressText", { done: run.doneDossiers, total: run.totalDossiers })}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${(progress ?? 0) * 100}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("dossiers")}</dt>
          <dd className="tabular-nums">
            {run.totalDossiers == null ? t("listing") : `${count(run.doneDossiers, words)} / ${count(run.totalDossiers, words)}`}
            {progress != null && <span className="text-slate-600"> ({format.number(progress, { style: "percent", maximumFractionDigits: 1 })})</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("rate")}</dt>
          <dd className="tabular-nums">{formatRate(run.ratePerSecond, words)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("timeLeft")}</dt>
          <dd className="tabular-nums">{formatDuration(run.secondsLeft, words)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("processes")}</dt>
          <dd className="tabular-nums">
            {count(run.processesSeen, words)} / {count(run.processesChanged, words)}
          </dd>
        </div>
      </dl>
      {run.errors > 0 && (
        // The last error as the sync wrote it.
        <p className="text-sm text-red-800">{t("errors", { count: run.errors, last: run.lastError ?? "—" })}</p>
      )}
      <CancelSyncButton runId={run.id} words={buttonWords} />
    </section>
  );
}
