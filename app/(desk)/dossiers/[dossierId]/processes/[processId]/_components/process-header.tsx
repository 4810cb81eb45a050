import Link from "next/link";
import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/status-badge";
import type { ProcessDetail } from "@/lib/processes/get-process-detail";

interface ProcessHeaderProps {
  detail: ProcessDetail;
  zipUrl: string | null;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  const t = useTranslations("Process.header");
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-sm">{value ?? <span className="italic text-slate-600">{t("absent")}</span>}</dd>
    </div>
  );
}

export function ProcessHeader({ detail, zipUrl }: ProcessHeaderProps) {
  // The look-up columns: a rejected or inconclusive process has no finalResult but was read all the same.
  const name = [detail.firstName, detail.lastName].filter((v) => typeof v === "string").join(" ");
  const t = useTranslations("Process.header");
  return (
    <header className="flex flex-col gap-2">
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600">
        <Link href="/processes" className="underline hover:text-slate-900">{t("processes")}</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/dossiers/${encodeURIComponent(detail.dossierId)}`} className="underline hover:text-slate-900">
          {t("dossier")} <span className="font-mono">{detail.dossierId.slice(0, 8)}</span>
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="process-heading" className="text-xl font-semibold">
          {t("process")} <span className="font-mono text-lg break-all">{detail.processId}</span>
        </h1>
        <StatusBadge status={detail.status} />
        {name && <span className="text-sm text-slate-700">{name}</span>}
        {zipUrl && (
          <a href={zipUrl} download className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
            {t("downloadZip")}
          </a>
        )}
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-1">
        <Fact label={t("provider")} value={detail.provider} />
        <Fact label={t("processType")} value={detail.processType} />
        <Fact label={t("documentType")} value={detail.documentType} />
        <Fact label={t("dossier")} value={detail.dossierId} />
      </dl>
    </header>
  );
}
