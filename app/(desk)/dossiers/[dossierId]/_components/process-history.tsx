import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import type { DossierProcess } from "@/lib/dossiers/get-dossier";
import { useMessages, useTranslations } from "next-intl";
import { labelOf } from "@/components/labels";
import { processHref } from "@/components/process-href";

interface ProcessHistoryProps {
  dossierId: string;
  processes: DossierProcess[];
}

const short = (id: string) => id.slice(0, 8);

/** Every process in the dossier, oldest first, each retry pointing at what it retries and back. */
export function ProcessHistory({ dossierId, processes }: ProcessHistoryProps) {
  const labels = useMessages().Labels;
  const t = useTranslations("Dossier.history");
  const retriedBy = new Map<string, string[]>();
  for (const p of processes) {
    if (p.retryOfProcessId) retriedBy.set(p.retryOfProcessId, [...(retriedBy.get(p.retryOfProcessId) ?? []), p.processId]);
  }
  const anchor = (id: string) => ({
    id: short(id),
    link: (chunks: ReactNode) => <a href={`#process-${id}`} className="font-mono text-xs underline">{chunks}</a>,
  });

  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-2">
      <h2 id="history-heading" className="font-semibold">{t("heading")}</h2>
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("created")}</th>
              <th scope="col" className="px-3 py-2">{t("status")}</th>
              <th scope="col" className="px-3 py-2">{t("type")}</th>
              <th scope="col" className="px-3 py-2">{t("document")}</th>
              <th scope="col" className="px-3 py-2">{t("retries")}</th>
              <th scope="col" className="px-3 py-2">{t("updated")}</th>
              <th scope="col" className="px-3 py-2">{t("process")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {processes.map((p) => (
              <tr key={p.processId} id={`process-${p.processId}`} className="target:bg-sky-50">
                <td className="px-3 py-2 whitespace-nowrap"><LocalTime at={p.createdAt} /></td>
                <td className="px-3 py-2">
                  <StatusBadge status={p.status} />
                  {p.failReasonType && <span className="ml-2 text-xs text-slate-600">{p.failReasonType}</span>}
                </td>
                <td className="px-3 py-2">{labelOf(labels.processType, p.processType) ?? "—"}</td>
                <td className="px-3 py-2">{labelOf(labels.documentType, p.documentType) ?? "—"}</td>
                <td className="px-3 py-2 text-xs">
                  {p.retryOfProcessId && <p>{t.rich("retryOf", anchor(p.retryOfProcessId))}</p>}
                  {retriedBy.get(p.processId)?.map((id) => <p key={id}>{t.rich("retriedBy", anchor(id))}</p>)}
                  {!p.retryOfProcessId && !retriedBy.has(p.processId) && <span className="text-slate-500">—</span>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap"><LocalTime at={p.updatedAt} format="relative" /></td>
                <td className="px-3 py-2">
                  <Link href={processHref(dossierId, p.processId)} className="font-mono text-xs underline" title={p.processId}>
                    {t("open", { id: short(p.processId) })}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
