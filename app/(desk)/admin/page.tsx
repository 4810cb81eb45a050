import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { getAdminOverview } from "@/lib/health/get-admin-overview";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { PersonalDataSection } from "./_components/personal-data-section";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  // The proxy checked the cookie's role; this checks the user as the database has them now.
  const ctx = await requirePage("desk.admin", "/admin");
  const { overview, retention, assure } = await loadPage(getAdminOverview(ctx));

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
      <PersonalDataSection overview={retention} />
      <nav aria-labelledby="admin-work-heading">
        <h2 id="admin-work-heading" className="mb-2 text-sm font-semibold text-slate-700">Background work</h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          <li>
            <Link href="/admin/inbox" className="block rounded-md border border-slate-200 bg-white p-4 text-sm hover:bg-slate-50">
              <span className="font-medium">Webhook inbox</span>
              <span className="block text-slate-600">Notifications by state, why they failed, replay of dead ones</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/staff" className="block rounded-md border border-slate-200 bg-white p-4 text-sm hover:bg-slate-50">
              <span className="font-medium">Staff users</span>
              <span className="block text-slate-600">Add staff, set roles, deactivate, reset passwords</span>
            </Link>
          </li>
          <li>
            <Link href="/admin/sync" className="block rounded-md border border-slate-200 bg-white p-4 text-sm hover:bg-slate-50">
              <span className="font-medium">Full sync</span>
              <span className="block text-slate-600">Progress of the running sync, history, start one</span>
            </Link>
          </li>
        </ul>
      </nav>
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
