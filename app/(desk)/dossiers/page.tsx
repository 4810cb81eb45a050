import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDateTime } from "@/components/format";
import { getDatabase } from "@/db";
import { listDossiers } from "@/lib/dossiers/list-dossiers";

export const metadata: Metadata = { title: "Dossiers" };

interface DossiersPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DossiersPage({ searchParams }: DossiersPageProps) {
  await connection();
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const database = await getDatabase();
  const page = await listDossiers(database.db, { cursor, limit: 50 });

  return (
    <section aria-labelledby="dossiers-heading" className="flex flex-col gap-4">
      <header className="flex items-baseline justify-between">
        <h1 id="dossiers-heading" className="text-xl font-semibold">Dossiers</h1>
        <p className="text-sm text-slate-600">One per end-user; most recent activity first</p>
      </header>
      {page.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {cursor ? "No more dossiers after this page." : "No dossiers yet."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Dossier</th>
                <th scope="col" className="px-3 py-2">Processes</th>
                <th scope="col" className="px-3 py-2">Last activity</th>
                <th scope="col" className="px-3 py-2">First seen by the desk</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((item) => (
                <tr key={item.dossierId}>
                  <td className="px-3 py-2 font-mono text-xs">
                    {item.dossierId}
                    {item.goneAt && <span className="ml-2 text-slate-500">(deleted at Assure)</span>}
                  </td>
                  <td className="px-3 py-2">{item.processCount}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(item.lastActivityAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(item.firstSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <Link
          href={`/dossiers?cursor=${encodeURIComponent(page.nextCursor)}`}
          className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          Next page
        </Link>
      )}
    </section>
  );
}
