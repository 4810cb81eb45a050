import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import type { InboxRowView, InboxState } from "@/lib/webhooks/list-inbox";
import { InboxStateBadge } from "./inbox-state-tabs";
import { ReplayButton } from "./replay-button";

interface InboxTableProps {
  rows: InboxRowView[];
  view?: InboxState;
}

/** `last_error` holds the newest error first, then the earlier ones (and replay notes), as the worker wrote them. */
function LastError({ text }: { text: string | null }) {
  if (!text) return <span className="text-slate-500">—</span>;
  const [latest, ...earlier] = text.split("\n");
  if (earlier.length === 0) return <span className="break-words">{latest}</span>;
  return (
    <details>
      <summary className="cursor-pointer break-words">{latest}</summary>
      <ol className="mt-1 list-inside list-disc text-slate-600">
        {earlier.map((line, i) => (
          <li key={i} className="break-words">{line}</li>
        ))}
      </ol>
    </details>
  );
}

function NextAttempt({ row }: { row: InboxRowView }) {
  const t = useTranslations("Inbox.table");
  if (row.state === "done") {
    const doneAt = row.doneAt;
    return <span className="text-slate-600">{doneAt ? t.rich("doneAt", { time: () => <LocalTime at={doneAt} /> }) : t("done")}</span>;
  }
  if (row.state === "dead") return <span className="text-slate-600">{t("dead")}</span>;
  if (row.state === "processing") {
    const lockedUntil = row.lockedUntil;
    return <span>{t.rich("lockedUntil", { time: () => (lockedUntil ? <LocalTime at={lockedUntil} /> : "—") })}</span>;
  }
  return <LocalTime at={row.nextAttemptAt} />;
}

export function InboxTable({ rows, view }: InboxTableProps) {
  const t = useTranslations("Inbox");
  const format = useFormatter();
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("table.row")}</th>
            <th scope="col" className="px-3 py-2">{t("table.received")}</th>
            <th scope="col" className="px-3 py-2">{t("table.process")}</th>
            <th scope="col" className="px-3 py-2">{t("table.hintedStatus")}</th>
            <th scope="col" className="px-3 py-2">{t("table.state")}</th>
            <th scope="col" className="px-3 py-2">{t("table.attempts")}</th>
            <th scope="col" className="px-3 py-2">{t("table.nextAttempt")}</th>
            <th scope="col" className="px-3 py-2">{t("table.lastError")}</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">{t("table.actions")}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-slate-50">
              <td className="px-3 py-2 font-mono text-xs">{row.id}</td>
              <td className="px-3 py-2 whitespace-nowrap"><LocalTime at={row.receivedAt} /></td>
              <td className="px-3 py-2 font-mono text-xs">
                <Link
                  href={`/dossiers/${encodeURIComponent(row.dossierId)}/processes/${encodeURIComponent(row.processId)}`}
                  className="text-sky-800 underline-offset-2 hover:underline"
                  title={row.processId}
                >
                  {row.processId.slice(0, 8)}
                </Link>
              </td>
              {/* Assure's status as the notification hinted it. */}
              <td className="px-3 py-2">{row.hintedStatus ?? "—"}</td>
              <td className="px-3 py-2">
                <InboxStateBadge state={row.state} />
                {row.stage === "result" && row.state !== "done" && <div className="mt-1 text-xs text-slate-600">{t("table.resultNext")}</div>}
              </td>
              <td className="px-3 py-2 tabular-nums">{format.number(row.attempts)}</td>
              <td className="px-3 py-2 whitespace-nowrap"><NextAttempt row={row} /></td>
              <td className="max-w-md px-3 py-2 text-xs"><LastError text={row.lastError} /></td>
              <td className="px-3 py-2">
                {row.state === "dead" && (
                  <ReplayButton id={row.id} view={view} words={{ button: t("replay.button"), pending: t("replay.pending"), label: t("replay.label", { id: row.id }) }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
