import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { IdentityLinksView } from "@/lib/identity/identity-links";
import { StatusBadge } from "./status-badge";

interface LinkedDossiersProps {
  links: IdentityLinksView;
  /** What the links are of: the page's dossier or process. */
  subject: "dossier" | "process";
}

/**
 * "Also seen in N other dossiers": the same person elsewhere, each with a link to the other dossier and
 * its newest status; what matched when the viewer's role may see it. Nothing at all when there is nothing.
 */
export function LinkedDossiers({ links, subject }: LinkedDossiersProps) {
  const t = useTranslations("Linked");
  const format = useFormatter();
  const { linked, repeatedAttempts } = links;
  if (linked.length === 0 && !repeatedAttempts) return null;
  return (
    <section aria-labelledby="linked-heading" className="rounded-md border border-violet-300 bg-violet-50 p-4 text-sm text-violet-950">
      <h2 id="linked-heading" className="font-semibold">
        {linked.length > 0 ? t("alsoSeenIn", { count: linked.length }) : t("repeatedAttempts")}
      </h2>
      {repeatedAttempts && <p className="mt-1">{t("repeatedAttemptsBody")}</p>}
      {linked.length > 0 && (
        <ul className="mt-2 flex flex-col gap-1.5" aria-label={subject === "dossier" ? t("linkedToDossier") : t("linkedToProcess")}>
          {linked.map((other) => (
            <li key={other.dossierId} className="flex flex-wrap items-center gap-2">
              <Link href={`/dossiers/${encodeURIComponent(other.dossierId)}`} className="font-mono text-xs text-slate-900 underline">
                {other.dossierId}
              </Link>
              {other.status && <StatusBadge status={other.status} />}
              {other.matches && <span>{format.list(other.matches.map((m) => t(`matches.${m}`)), { type: "conjunction" })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
