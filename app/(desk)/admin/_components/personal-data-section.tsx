import { useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import type { RetentionOverview } from "@/lib/retention/get-retention-overview";

interface PersonalDataSectionProps {
  overview: RetentionOverview;
}

/** A retention run's counts, as its audit details hold them (a missing count is 0). */
function runCounts(details: Record<string, unknown>) {
  const n = (key: string) => (typeof details[key] === "number" ? (details[key] as number) : 0);
  return { processes: n("processes"), dossiers: n("dossiers"), zips: n("zips"), held: n("held") };
}

/** The retention policy as configured, its last run, what the next takes, and deletions still pending at Assure. */
export function PersonalDataSection({ overview }: PersonalDataSectionProps) {
  const t = useTranslations("Admin.personalData");
  const now = useNow();
  const { days, lastRun, next, pendingDeletions } = overview;
  return (
    <section aria-labelledby="personal-data-heading" className="flex flex-col gap-2">
      <h2 id="personal-data-heading" className="text-sm font-semibold text-slate-700">{t("heading")}</h2>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-600">{t("policy")}</dt>
        <dd>{days === null ? t("policyNone") : t("policyDays", { days })}</dd>
        <dt className="text-slate-600">{t("lastRun")}</dt>
        <dd>{lastRun ? t.rich("lastRunAt", { time: () => <LocalTime at={lastRun.at} />, ...runCounts(lastRun.details) }) : t("never")}</dd>
        {next && (
          <>
            <dt className="text-slate-600">{t("nextRun")}</dt>
            <dd>
              {next.dueAt && next.dueAt > now
                ? t.rich("nextRunAt", { time: () => <LocalTime at={next.dueAt!} />, processes: next.processes, dossiers: next.dossiers, zips: next.zips, held: next.held })
                : t("nextSweep", { processes: next.processes, dossiers: next.dossiers, zips: next.zips, held: next.held })}
            </dd>
          </>
        )}
        <dt className="text-slate-600">{t("pending")}</dt>
        <dd>
          {pendingDeletions.total === 0 ? (
            t("pendingNone")
          ) : (
            <>
              {t("pendingCount", { count: pendingDeletions.total })}
              <ul className="mt-1 flex flex-col gap-1">
                {pendingDeletions.oldest.map((d) => (
                  <li key={d.dossierId}>
                    <Link className="font-mono text-xs underline" href={`/dossiers/${encodeURIComponent(d.dossierId)}`}>
                      {d.dossierId}
                    </Link>{" "}
                    {t("attempts", { count: d.attempts })}
                    {/* The error as Assure or the network gave it. */}
                    {d.lastError ? `, ${d.lastError}` : ""}
                    {d.nextAttemptAt ? <>; {t.rich("nextAttempt", { time: () => <LocalTime at={d.nextAttemptAt!} /> })}</> : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}
