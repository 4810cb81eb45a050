import Link from "next/link";
import type { IdentityLinksView, IdentityMatch } from "@/lib/identity/identity-links";
import { StatusBadge } from "./status-badge";

const MATCH_LABELS: Record<IdentityMatch, string> = {
  document: "same document number and issuing country",
  name_birth_date: "same name and date of birth",
};

interface LinkedDossiersProps {
  links: IdentityLinksView;
  /** "this dossier" or "this process": what the links are of. */
  subject: string;
}

/**
 * "Also seen in N other dossiers": the same person elsewhere, each with a link to the other dossier and
 * its newest status; what matched when the viewer's role may see it. Nothing at all when there is nothing.
 */
export function LinkedDossiers({ links, subject }: LinkedDossiersProps) {
  const { linked, repeatedAttempts } = links;
  if (linked.length === 0 && !repeatedAttempts) return null;
  const count = `${linked.length} other ${linked.length === 1 ? "dossier" : "dossiers"}`;
  return (
    <section aria-labelledby="linked-heading" className="rounded-md border border-violet-300 bg-violet-50 p-4 text-sm text-violet-950">
      <h2 id="linked-heading" className="font-semibold">
        {linked.length > 0 ? `Also seen in ${count}` : "Repeated attempts"}
      </h2>
      {repeatedAttempts && (
        <p className="mt-1">This dossier has three or more rejected or failed processes within 30 days.</p>
      )}
      {linked.length > 0 && (
        <ul className="mt-2 flex flex-col gap-1.5" aria-label={`Dossiers linked to ${subject}`}>
          {linked.map((other) => (
            <li key={other.dossierId} className="flex flex-wrap items-center gap-2">
              <Link href={`/dossiers/${encodeURIComponent(other.dossierId)}`} className="font-mono text-xs text-slate-900 underline">
                {other.dossierId}
              </Link>
              {other.status && <StatusBadge status={other.status} />}
              {other.matches && <span>{other.matches.map((m) => MATCH_LABELS[m]).join("; ")}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
