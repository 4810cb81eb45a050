import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDateTime, formatName } from "@/components/format";
import { StatusBadge } from "@/components/status-badge";
import { getDatabase } from "@/db";
import { listProcesses } from "@/lib/processes/list-processes";

export const metadata: Metadata = { title: "Processes" };

interface ProcessesPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ProcessesPage({ searchParams }: ProcessesPageProps) {
  await connection();
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const database = await getDatabase();
  const page = await listProcesses(database.db, { cursor, limit: 50 });

  return (
    <section aria-labelledby="processes-heading" className="flex flex-col gap-4">
      <header className="flex items-baseline justify-between">
        <h1 id="processes-heading" className="text-xl font-semibold">
          Processes
        </h1>
        <p className="text-sm text-slate-600">Most recently updated first</p>
      </header>

      {page.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {cursor
            ? "No more processes after this page."
            : "No processes yet. They appear here when Assure notifies the desk or a sync runs."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Type</th>
                <th scope="col" className="px-3 py-2">Document</th>
                <th scope="col" className="px-3 py-2">Country</th>
                <th scope="col" className="px-3 py-2">Updated</th>
                <th scope="col" className="px-3 py-2">Process</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((item) => (
                <tr key={item.processId} className="hover:bg-slate-50">
                  <td className="px-3 py-2"><StatusBadge status={item.status} /></td>
                  <td className="px-3 py-2">
                    {formatName(item.firstName, item.lastName) ?? <span className="text-slate-500">not extracted</span>}
                  </td>
                  <td className="px-3 py-2">{item.processType ?? "—"}</td>
                  <td className="px-3 py-2">{item.documentType ?? "—"}</td>
                  <td className="px-3 py-2">{item.issuingCountry ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(item.updatedAt)}</td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-600" title={item.processId}>
                    {item.processId.slice(0, 8)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {cursor && (
          <Link href="/processes" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
            First page
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/processes?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
          >
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}
