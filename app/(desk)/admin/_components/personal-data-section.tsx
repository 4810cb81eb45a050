import { LocalTime } from "@/components/local-time";
import Link from "next/link";
import type { RetentionOverview } from "@/lib/retention/get-retention-overview";

interface PersonalDataSectionProps {
  overview: RetentionOverview;
}

function runCounts(details: Record<string, unknown>): string {
  const n = (key: string) => (typeof details[key] === "number" ? (details[key] as number) : 0);
  return `${n("processes")} processes in ${n("dossiers")} dossiers, ${n("zips")} zips; ${n("held")} dossiers kept under legal hold`;
}

/** The retention policy as configured, its last run, what the next takes, and deletions still pending at Assure. */
export function PersonalDataSection({ overview }: PersonalDataSectionProps) {
  const { days, lastRun, next, pendingDeletions } = overview;
  return (
    <section aria-labelledby="personal-data-heading" className="flex flex-col gap-2">
      <h2 id="personal-data-heading" className="text-sm font-semibold text-slate-700">Personal data</h2>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-600">Retention policy</dt>
        <dd>
          {days === null
            ? "None: RETENTION_DAYS is not set, so the desk keeps every person's data for ever."
            : `Final dossiers inactive for ${days} ${days === 1 ? "day" : "days"} lose their personal data (a tombstone stays).`}
        </dd>
        <dt className="text-slate-600">Last run</dt>
        <dd>{lastRun ? <><LocalTime at={lastRun.at} />: {runCounts(lastRun.details)}</> : "Never"}</dd>
        {next && (
          <>
            <dt className="text-slate-600">Next run</dt>
            <dd>
              {next.dueAt && next.dueAt > new Date() ? <LocalTime at={next.dueAt} /> : "At the next sweep"}: would take {next.processes} processes in{" "}
              {next.dossiers} dossiers, {next.zips} zips; {next.held} dossiers kept under legal hold
            </dd>
          </>
        )}
        <dt className="text-slate-600">Deletions pending at Assure</dt>
        <dd>
          {pendingDeletions.total === 0 ? (
            "None"
          ) : (
            <>
              {pendingDeletions.total} erased {pendingDeletions.total === 1 ? "dossier" : "dossiers"} not yet deleted at Assure (retried with back-off):
              <ul className="mt-1 flex flex-col gap-1">
                {pendingDeletions.oldest.map((d) => (
                  <li key={d.dossierId}>
                    <Link className="font-mono text-xs underline" href={`/dossiers/${encodeURIComponent(d.dossierId)}`}>
                      {d.dossierId}
                    </Link>{" "}
                    {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                    {d.lastError ? `, ${d.lastError}` : ""}
                    {d.nextAttemptAt ? <>; next <LocalTime at={d.nextAttemptAt} /></> : ""}
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
