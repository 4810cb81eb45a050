import type { Metadata } from "next";
import { connection } from "next/server";
import { StatusBadge } from "@/components/status-badge";
import { getDatabase } from "@/db";
import { getEnv } from "@/lib/config";
import { getDeskOverview } from "@/lib/health/desk-overview";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await connection();
  const env = getEnv();
  const overview = await getDeskOverview(await getDatabase());
  const assure = env.ASSURE_SIMULATOR === "1" ? "Bundled simulator" : env.ASSURE_BASE_URL ? "Signicat Assure" : "Not configured";

  return (
    <section aria-labelledby="admin-heading" className="flex max-w-3xl flex-col gap-6">
      <h1 id="admin-heading" className="text-xl font-semibold">Admin</h1>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-600">Database</dt>
        <dd>{overview.engine === "pglite" ? "Embedded (PGlite)" : "PostgreSQL server"}</dd>
        <dt className="text-slate-600">Migrations applied</dt>
        <dd>{overview.migrationsApplied}</dd>
        <dt className="text-slate-600">Assure</dt>
        <dd>{assure}</dd>
        <dt className="text-slate-600">Dossiers</dt>
        <dd>{overview.dossiers}</dd>
      </dl>
      <div>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">Processes by status</h2>
        <ul className="flex flex-wrap gap-3">
          {Object.entries(overview.processesByStatus).map(([status, count]) => (
            <li key={status} className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
              <StatusBadge status={status as keyof typeof overview.processesByStatus} /> {count}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
