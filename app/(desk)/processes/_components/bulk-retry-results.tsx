import Link from "next/link";
import type { BulkRetryItem } from "@/lib/retries/bulk-retry";
import type { Messages } from "@/components/labels";
import { processHref } from "@/components/process-href";

interface BulkRetryResultsProps {
  items: BulkRetryItem[];
  /** A retry is made in the original's dossier: both links use it. */
  dossierOf: Map<string, string>;
  words: Messages["BulkRetry"]["results"];
}

function ProcessLink({ dossierId, processId }: { dossierId: string | undefined; processId: string }) {
  const short = <span className="font-mono text-xs" title={processId}>{processId.slice(0, 8)}</span>;
  return dossierId ? <Link className="text-sky-800 underline" href={processHref(dossierId, processId)}>{short}</Link> : short;
}

/** One row per process of a bulk retry, as each chunk answers. */
export function BulkRetryResults({ items, dossierOf, words }: BulkRetryResultsProps) {
  if (items.length === 0) return null;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{words.caption}</caption>
      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3">{words.process}</th>
          <th scope="col" className="py-1 pr-3">{words.result}</th>
          <th scope="col" className="py-1 pr-3">{words.newProcess}</th>
          <th scope="col" className="py-1">{words.message}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.processId} className="border-b border-slate-100 align-top" data-result={item.ok ? "ok" : "failed"}>
            <td className="py-1 pr-3"><ProcessLink dossierId={dossierOf.get(item.processId)} processId={item.processId} /></td>
            <td className={`py-1 pr-3 font-medium ${item.ok ? "text-emerald-800" : "text-red-800"}`}>{item.ok ? words.started : words.failed}</td>
            <td className="py-1 pr-3">{item.newProcessId ? <ProcessLink dossierId={dossierOf.get(item.processId)} processId={item.newProcessId} /> : "—"}</td>
            <td className="py-1 text-slate-700">{item.message ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
