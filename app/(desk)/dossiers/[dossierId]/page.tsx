import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { getDossierPage } from "@/lib/dossiers/get-dossier-page";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { DossierNotes } from "./_components/dossier-notes";
import { IdentityCard } from "./_components/identity-card";
import { LinkedDossiers } from "@/components/linked-dossiers";
import { PersonalDataSection } from "./_components/personal-data-section";
import { ProcessHistory } from "./_components/process-history";

interface DossierPageProps {
  params: Promise<{ dossierId: string }>;
}

export async function generateMetadata({ params }: DossierPageProps): Promise<Metadata> {
  const { dossierId } = await params;
  const t = await getTranslations("Dossier");
  return { title: t("titleOf", { id: dossierId.slice(0, 8) }) };
}

const ROLES = ["support", "compliance", "admin"] as const;
const isRole = (role: string): role is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(role);

export default async function DossierPage({ params }: DossierPageProps) {
  const { dossierId } = await params;
  const ctx = await requirePage("processes.read", `/dossiers/${encodeURIComponent(dossierId)}`);
  const [{ dossier, identity, processes, truncated, notes, privacy, links, canExportEvidence, processLimit }, t, roles] = await Promise.all([
    loadPage(getDossierPage(ctx, { dossierId })),
    getTranslations("Dossier"),
    getTranslations("Desk.roles"),
  ]);

  return (
    <section aria-labelledby="dossier-heading" className="flex max-w-5xl flex-col gap-5">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/dossiers" className="text-slate-700 underline">{t("dossiers")}</Link>
      </nav>
      <header className="flex flex-col gap-1">
        <h1 id="dossier-heading" className="text-xl font-semibold">
          {t.rich("heading", { id: dossier.dossierId, mono: (chunks) => <span className="font-mono text-base break-all">{chunks}</span> })}
        </h1>
        <p className="text-sm text-slate-600">
          {t.rich("summary", {
            count: dossier.processCount,
            last: () => <LocalTime at={dossier.lastActivityAt} format="relative" />,
            first: () => <LocalTime at={dossier.firstSeenAt} />,
          })}
        </p>
        {dossier.goneAt && (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t.rich("gone", { time: () => <LocalTime at={dossier.goneAt!} /> })}
          </p>
        )}
      </header>
      {canExportEvidence && (
        <p>
          {/* A plain link: the browser downloads the PDF (Content-Disposition: attachment). */}
          <a
            href={`/api/dossiers/${encodeURIComponent(dossier.dossierId)}/evidence`}
            className="inline-flex rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            {t("evidence")}
          </a>
        </p>
      )}
      {(identity || privacy.purged.processes === 0) && <IdentityCard dossierId={dossier.dossierId} identity={identity} />}
      <LinkedDossiers links={links} subject="dossier" />
      <PersonalDataSection dossierId={dossier.dossierId} privacy={privacy} />
      <ProcessHistory dossierId={dossier.dossierId} processes={processes} />
      {truncated && <p className="text-sm text-slate-600">{t("truncated", { count: processLimit })}</p>}
      <DossierNotes
        dossierId={dossier.dossierId}
        notes={notes.map((n) => ({
          id: n.id,
          body: n.body,
          byline: t.rich("notes.byline", { author: n.author, role: isRole(n.authorRole) ? roles(n.authorRole) : n.authorRole, time: () => <LocalTime at={n.createdAt} /> }),
        }))}
        words={{ heading: t("notes.heading"), newNote: t("notes.newNote"), placeholder: t("notes.placeholder"), add: t("notes.add"), none: t("notes.none") }}
      />
    </section>
  );
}
