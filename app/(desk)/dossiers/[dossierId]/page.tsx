import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { getDossierPage } from "@/lib/dossiers/get-dossier-page";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { DossierNotes } from "./_components/dossier-notes";
import { IdentityCard } from "./_components/identity-card";
import { LinkedDossiers } from "@/components/linked-dossiers";
import { PersonalDataPanel } from "./_components/personal-data-panel";
import { ProcessHistory } from "./_components/process-history";

interface DossierPageProps {
  params: Promise<{ dossierId: string }>;
}

export async function generateMetadata({ params }: DossierPageProps): Promise<Metadata> {
  const { dossierId } = await params;
  return { title: `Dossier ${dossierId.slice(0, 8)}` };
}

export default async function DossierPage({ params }: DossierPageProps) {
  const { dossierId } = await params;
  const ctx = await requirePage("processes.read", `/dossiers/${encodeURIComponent(dossierId)}`);
  const { dossier, identity, processes, truncated, notes, privacy, links, canExportEvidence, processLimit } = await loadPage(getDossierPage(ctx, { dossierId }));
  const when = (date: Date | null) => (date ? <LocalTime at={date} /> : null);

  return (
    <section aria-labelledby="dossier-heading" className="flex max-w-5xl flex-col gap-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/dossiers" className="text-slate-700 underline">Dossiers</Link>
      </nav>
      <header className="flex flex-col gap-1">
        <h1 id="dossier-heading" className="text-xl font-semibold">
          Dossier <span className="font-mono text-base break-all">{dossier.dossierId}</span>
        </h1>
        <p className="text-sm text-slate-600">
          {dossier.processCount} {dossier.processCount === 1 ? "process" : "processes"} · last activity{" "}
          <LocalTime at={dossier.lastActivityAt} format="relative" /> · first seen by the desk <LocalTime at={dossier.firstSeenAt} />
        </p>
        {dossier.goneAt && (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Assure no longer has this dossier (since <LocalTime at={dossier.goneAt} />); the desk&apos;s copy is shown.
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
            Download evidence pack (PDF)
          </a>
        </p>
      )}
      {(identity || privacy.purged.processes === 0) && <IdentityCard dossierId={dossier.dossierId} identity={identity} />}
      <LinkedDossiers links={links} subject="dossier" />
      <PersonalDataPanel
        dossierId={dossier.dossierId}
        hold={privacy.hold ? { ...privacy.hold, at: <LocalTime at={privacy.hold.at} /> } : null}
        erasure={
          privacy.erasure
            ? {
                ...privacy.erasure,
                requestedAt: <LocalTime at={privacy.erasure.requestedAt} />,
                erasedAt: when(privacy.erasure.erasedAt),
                assure: { ...privacy.erasure.assure, deletedAt: when(privacy.erasure.assure.deletedAt), nextAttemptAt: when(privacy.erasure.assure.nextAttemptAt) },
              }
            : null
        }
        purged={{ ...privacy.purged, lastAt: when(privacy.purged.lastAt) }}
        confirmationLabel={privacy.confirmationLabel}
        canErase={privacy.canErase}
        canHold={privacy.canHold}
        canConfirm={privacy.canConfirm}
      />
      <ProcessHistory dossierId={dossier.dossierId} processes={processes} />
      {truncated && <p className="text-sm text-slate-600">Only the first {processLimit} processes are shown.</p>}
      <DossierNotes
        dossierId={dossier.dossierId}
        notes={notes.map((n) => ({ id: n.id, body: n.body, author: n.author, authorRole: n.authorRole, createdAt: <LocalTime at={n.createdAt} /> }))}
      />
    </section>
  );
}
