import { LocalTime } from "@/components/local-time";
import Link from "next/link";
import { formatName } from "@/components/format";
import { StatusBadge } from "@/components/status-badge";
import type { VerifiedIdentity } from "@/lib/dossiers/get-dossier";
import { useMessages } from "next-intl";
import { labelOf } from "@/components/labels";
import { processHref } from "@/components/process-href";

interface IdentityCardProps {
  dossierId: string;
  identity: VerifiedIdentity | null;
}

/** Who the end-user is, as the newest process that read their document says, and which process that was. */
export function IdentityCard({ dossierId, identity }: IdentityCardProps) {
  const labels = useMessages().Labels;
  if (!identity) {
    return (
      <section aria-labelledby="identity-heading" className="rounded-md border border-dashed border-slate-300 bg-white p-4">
        <h2 id="identity-heading" className="font-semibold">Identity</h2>
        <p className="mt-1 text-sm text-slate-600">No process in this dossier has read a document yet.</p>
      </section>
    );
  }
  const rows: [string, string | null][] = [
    ["Name", formatName(identity.firstName, identity.lastName)],
    ["Date of birth", identity.dateOfBirth],
    ["Document number", identity.documentNumber],
    ["Document type", labelOf(labels.documentType, identity.documentType)],
    ["Nationality", identity.nationality],
    ["Issuing country", identity.issuingCountry],
  ];
  return (
    <section aria-labelledby="identity-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="identity-heading" className="font-semibold">Identity as last verified</h2>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        From process{" "}
        <Link className="font-mono text-xs text-slate-900 underline" href={processHref(dossierId, identity.processId)}>
          {identity.processId.slice(0, 8)}
        </Link>
        <StatusBadge status={identity.status} /> updated <LocalTime at={identity.updatedAt} />
      </p>
      {identity.status !== "accepted" && (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This process was not accepted: these are the fields Onfido read from the document, not a confirmed identity.
        </p>
      )}
      <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className={label === "Document number" ? "font-mono" : undefined}>{value ?? <span className="text-slate-600">not read</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
