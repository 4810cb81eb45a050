import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { getAdminOverview } from "@/lib/health/get-admin-overview";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { PersonalDataSection } from "./_components/personal-data-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("title") };
}

export default async function AdminPage() {
  // The proxy checked the cookie's role; this checks the user as the database has them now.
  const ctx = await requirePage("desk.admin", "/admin");
  const [{ overview, retention, assure }, t, format] = await Promise.all([loadPage(getAdminOverview(ctx)), getTranslations("Admin"), getFormatter()]);
  const works = [
    { href: "/admin/inbox", name: t("inbox"), hint: t("inboxHint") },
    { href: "/admin/staff", name: t("staff"), hint: t("staffHint") },
    { href: "/admin/sync", name: t("sync"), hint: t("syncHint") },
  ];

  return (
    <section aria-labelledby="admin-heading" className="flex max-w-3xl flex-col gap-6">
      <h1 id="admin-heading" className="text-xl font-semibold">{t("heading")}</h1>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-600">{t("database")}</dt>
        <dd>{t(overview.engine === "pglite" ? "engine.pglite" : "engine.postgres")}</dd>
        <dt className="text-slate-600">{t("migrations")}</dt>
        <dd>{format.number(overview.migrationsApplied)}</dd>
        <dt className="text-slate-600">{t("assure")}</dt>
        <dd>{t(`assureSource.${assure}`)}</dd>
        <dt className="text-slate-600">{t("dossiers")}</dt>
        <dd>{format.number(overview.dossiers)}</dd>
      </dl>
      <PersonalDataSection overview={retention} />
      <nav aria-labelledby="admin-work-heading">
        <h2 id="admin-work-heading" className="mb-2 text-sm font-semibold text-slate-700">{t("backgroundWork")}</h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {works.map((work) => (
            <li key={work.href}>
              <Link href={work.href} className="block rounded-md border border-slate-200 bg-white p-4 text-sm hover:bg-slate-50">
                <span className="font-medium">{work.name}</span>
                <span className="block text-slate-600">{work.hint}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div>
        <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("byStatus")}</h2>
        <ul className="flex flex-wrap gap-3">
          {Object.entries(overview.processesByStatus).map(([status, count]) => (
            <li key={status} className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
              <StatusBadge status={status as keyof typeof overview.processesByStatus} /> {format.number(count)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
