import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";
import type { ProcessDetail, ProcessLink } from "@/lib/processes/get-process-detail";

interface ProcessTimelineProps {
  detail: ProcessDetail;
}

function processHref(link: ProcessLink): string {
  return `/dossiers/${encodeURIComponent(link.dossierId)}/processes/${encodeURIComponent(link.processId)}`;
}

function Moment({ label, at, source }: { label: string; at: Date; source: "Assure" | "desk" }) {
  const t = useTranslations("Process.timeline");
  return (
    <li className="flex flex-col">
      <span className="text-sm">
        {label} <span className="text-xs text-slate-600">({source === "desk" ? t("desk") : source})</span>
      </span>
      <LocalTime at={at} className="text-xs tabular-nums text-slate-700" />
    </li>
  );
}

function RetryLink({ link, label }: { link: ProcessLink; label: string }) {
  return (
    <li className="flex flex-wrap items-center gap-2 text-sm">
      <span>{label}</span>
      <Link href={processHref(link)} className="font-mono text-xs text-sky-800 underline">
        {link.processId.slice(0, 8)}
      </Link>
      <StatusBadge status={link.status} />
      <LocalTime at={link.createdAt} className="text-xs text-slate-600" />
    </li>
  );
}

/** Assure's times and the desk's own, the notifications that named this process, and its retries. */
export function ProcessTimeline({ detail }: ProcessTimelineProps) {
  const t = useTranslations("Process.timeline");
  return (
    <section aria-labelledby="timeline-heading" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3">
      <h2 id="timeline-heading" className="text-sm font-semibold">{t("heading")}</h2>
      <ol className="flex flex-col gap-1.5 border-l-2 border-slate-200 pl-3">
        <Moment label={t("created")} at={detail.createdAt} source="Assure" />
        <Moment label={t("updated")} at={detail.updatedAt} source="Assure" />
        <Moment label={t("firstSeen")} at={detail.firstSeenAt} source="desk" />
        <Moment label={t("lastSynced")} at={detail.lastSyncedAt} source="desk" />
      </ol>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("notifications")}</h3>
        {detail.notifications.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noNotifications")}</p>
        ) : (
          <ol className="flex flex-col gap-1 text-sm">
            {detail.notifications.map((n) => (
              <li key={n.id} className="flex flex-wrap items-baseline gap-x-2">
                <LocalTime at={n.receivedAt} className="text-xs tabular-nums" />
                <span className="rounded bg-slate-100 px-1.5 text-xs">{n.state}</span>
                {n.hintedStatus && <span className="text-xs text-slate-700">{t("said", { status: n.hintedStatus })}</span>}
                {n.attempts > 1 && <span className="text-xs text-slate-700">{t("attempts", { count: n.attempts })}</span>}
                {n.lastError && <span className="block w-full text-xs text-red-800">{n.lastError}</span>}
              </li>
            ))}
          </ol>
        )}
        {detail.notificationsTruncated && <p className="text-xs text-slate-600">{t("onlyLatest", { count: detail.notifications.length })}</p>}
      </div>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("retries")}</h3>
        {!detail.retryOf && detail.retries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {detail.retryOf && <RetryLink link={detail.retryOf} label={t("retryOf")} />}
            {detail.retries.map((retry) => (
              <RetryLink key={retry.processId} link={retry} label={t("retriedAs")} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
