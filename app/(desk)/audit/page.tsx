import { LocalTime } from "@/components/local-time";
import type { Metadata } from "next";
import Link from "next/link";
import { getAuditPage } from "@/lib/audit/get-audit-page";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";

export const metadata: Metadata = { title: "Audit log" };

interface AuditPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const FIELDS = [
  { name: "who", label: "Who (email)", type: "text", placeholder: "ana@" },
  { name: "what", label: "What (action)", type: "text", placeholder: "review, auth.sign_in_failed" },
  { name: "dossierId", label: "Dossier", type: "text", placeholder: "dossier id" },
  { name: "from", label: "From", type: "date", placeholder: "" },
  { name: "to", label: "To", type: "date", placeholder: "" },
] as const;

export default async function AuditPage({ searchParams }: AuditPageProps) {
  const ctx = await requirePage("audit.read", "/audit");
  const { filters, page } = await loadPage(getAuditPage(ctx, await searchParams));
  const query = new URLSearchParams(Object.entries(filters).filter(([key]) => key !== "before"));

  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
      <header className="flex items-baseline justify-between">
        <h1 id="audit-heading" className="text-xl font-semibold">Audit log</h1>
        <a href={`/api/audit/export?${query}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          Export CSV
        </a>
      </header>
      <form className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
        {FIELDS.map((field) => (
          <label key={field.name} className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-700">{field.label}</span>
            <input
              name={field.name}
              type={field.type}
              defaultValue={filters[field.name] ?? ""}
              placeholder={field.placeholder}
              className="rounded-md border border-slate-300 px-2 py-1.5"
            />
          </label>
        ))}
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">Filter</button>
        <Link href="/audit" className="px-2 py-1.5 text-sky-800 underline">Clear</Link>
      </form>
      {page.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          No audit entries match these filters.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">What</th>
                <th scope="col" className="px-3 py-2">Dossier / process</th>
                <th scope="col" className="px-3 py-2">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <LocalTime at={row.at} format="seconds" />
                  </td>
                  <td className="px-3 py-2" title={row.actorEmail ?? undefined}>
                    {row.actorName ?? row.actorEmail ?? "—"} {row.actorRole && <span className="text-xs text-slate-500">({row.actorRole})</span>}
                  </td>
                  <td className="px-3 py-2">
                    {row.sentence}
                    <span className="block font-mono text-xs text-slate-500">{row.action}</span>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {row.dossierId && row.processId ? (
                      <Link className="text-sky-800 underline" href={`/dossiers/${row.dossierId}/processes/${row.processId}`}>
                        {row.processId.slice(0, 8)}
                      </Link>
                    ) : row.dossierId ? (
                      <Link className="text-sky-800 underline" href={`/dossiers/${row.dossierId}`}>{row.dossierId.slice(0, 8)}</Link>
                    ) : (
                      (row.target ?? "—")
                    )}
                  </td>
                  <td className="max-w-md px-3 py-2 text-xs text-slate-700">
                    {Object.keys(row.details).length > 0 && (
                      <details>
                        <summary className="cursor-pointer text-sky-800">Raw details</summary>
                        <pre className="mt-1 whitespace-pre-wrap break-all font-mono">{JSON.stringify(row.details, null, 2)}</pre>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextBefore && (
        <Link
          href={`/audit?${new URLSearchParams({ ...Object.fromEntries(query), before: String(page.nextBefore) })}`}
          className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          Older entries
        </Link>
      )}
    </section>
  );
}
