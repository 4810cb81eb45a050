import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import type { ProcessDetail } from "@/lib/processes/get-process-detail";

interface ProcessHeaderProps {
  detail: ProcessDetail;
  zipUrl: string | null;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-sm">{value ?? <span className="italic text-slate-600">absent</span>}</dd>
    </div>
  );
}

export function ProcessHeader({ detail, zipUrl }: ProcessHeaderProps) {
  // The look-up columns: a rejected or inconclusive process has no finalResult but was read all the same.
  const name = [detail.firstName, detail.lastName].filter((v) => typeof v === "string").join(" ");
  return (
    <header className="flex flex-col gap-2">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/processes" className="underline hover:text-slate-900">Processes</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/dossiers/${encodeURIComponent(detail.dossierId)}`} className="underline hover:text-slate-900">
          Dossier <span className="font-mono">{detail.dossierId.slice(0, 8)}</span>
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="process-heading" className="text-xl font-semibold">
          Process <span className="font-mono text-lg break-all">{detail.processId}</span>
        </h1>
        <StatusBadge status={detail.status} />
        {name && <span className="text-sm text-slate-700">{name}</span>}
        {zipUrl && (
          <a href={zipUrl} download className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
            Download full result (zip)
          </a>
        )}
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-1">
        <Fact label="Provider" value={detail.provider} />
        <Fact label="Process type" value={detail.processType} />
        <Fact label="Document type" value={detail.documentType} />
        <Fact label="Dossier" value={detail.dossierId} />
      </dl>
    </header>
  );
}
