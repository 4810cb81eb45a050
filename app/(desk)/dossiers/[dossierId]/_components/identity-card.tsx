import { LocalTime } from "@/components/local-time";
import Link from "next/link";
import { formatName } from "@/components/format";
import { StatusBadge } from "@/components/status-badge";
import type { VerifiedIdentity } from "@/lib/dossiers/get-dossier";
import { useMessages, useTranslations } from "next-intl";
import { labelOf } from "@/components/labels";
import { processHref } from "@/components/process-href";

interface IdentityCardProps {
  dossierId: string;
  identity: VerifiedIdentity | null;
}

/** Who the end-user is, as the newest process that read their document says, and which process that was. */
export function IdentityCard({ dossierId, identity }: IdentityCardProps) {
  const labels = useMessages().Labels;
  const t = useTranslations("Dossier.identity");
  if (!identity) {
    return (
      <section aria-labelledby="identity-heading" className="rounded-md border border-dashed border-slate-300 bg-white p-4">
        <h2 id="identity-heading" className="font-semibold">{t("headingNone")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("none")}</p>
      </section>
    );
  }
  const rows: { key: string; label: string; value: string | null; mono?: boolean }[] = [
    { key: "name", label: t("name"), value: formatName(identity.firstName, identity.lastName) },
    { key: "dateOfBirth", label: t("dateOfBirth"), value: identity.dateOfBirth },
    { key: "documentNumber", label: t("documentNumber"), value: identity.documentNumber, mono: true },
    { key: "documentType", label: t("documentType"), value: labelOf(labels.documentType, identity.documentType) },
    { key: "nationality", label: t("nationality"), value: identity.nationality },
    { key: "issuingCountry", label: t("issuingCountry"), value: identity.issuingCountry },
  ];
  return (
    <section aria-labelledby="identity-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="identity-heading" className="font-semibold">{t("heading")}</h2>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        {t.rich("from", {
          id: identity.processId.slice(0, 8),
          link: (chunks) => (
            <Link className="font-mono text-xs text-slate-900 underline" href={processHref(dossierId, identity.processId)}>
              {chunks}
            </Link>
          ),
          status: () => <StatusBadge status={identity.status} />,
          time: () => <LocalTime at={identity.updatedAt} />,
        })}
      </p>
      {identity.status !== "accepted" && (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("notAccepted")}</p>
      )}
      <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="text-slate-600">{row.label}</dt>
            <dd className={row.mono ? "font-mono" : undefined}>{row.value ?? <span className="text-slate-600">{t("notRead")}</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
