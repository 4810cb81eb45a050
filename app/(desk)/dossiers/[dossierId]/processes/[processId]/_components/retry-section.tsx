import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { RetryOptions } from "@/lib/retries/get-retry-options";
import { RetryPanel } from "./retry-panel";

interface RetrySectionProps {
  dossierId: string;
  processId: string;
  failReason: { type: string | null; message: string | null } | null;
  documentType: string | null;
  retry: RetryOptions;
}

/** The retry panel (admins, failed processes) with its words and each attempt's line written here, in the viewer's language. */
export async function RetrySection({ dossierId, processId, failReason, documentType, retry }: RetrySectionProps) {
  const [t, refusals] = await Promise.all([getTranslations("Retry"), getTranslations("ProcessPage.errors")]);
  const { plan, cap, retries } = retry;
  const left = cap - retries.length;
  const refusal = plan.refusal ? refusals(plan.refusal.code, plan.refusal.values) : left <= 0 ? t("capReached", { cap }) : null;
  return (
    <RetryPanel
      dossierId={dossierId}
      processId={processId}
      offer={plan.retryable && left > 0}
      refusal={refusal}
      request={plan.request as unknown as Record<string, unknown>}
      countryOfResidence={retry.countryOfResidence}
      documentType={documentType}
      documentTypes={retry.documentTypes}
      retries={retries.map((r) => ({
        id: r.id,
        said: r.lastError && t("said", { error: r.lastError }),
        stuck: r.state !== "started" && r.state !== "canceled",
        hasNewProcess: r.newProcessId !== null,
        startable: r.startable,
        line: (
          <>
            {t.rich("attempt", { attempt: r.attempt, who: r.requestedBy, state: t(`state.${r.state}`), strong: (chunks) => <strong>{chunks}</strong> })}
            {r.newProcessId && (
              <>
                {" "}→ <Link className="text-sky-800 underline" href={`/dossiers/${dossierId}/processes/${r.newProcessId}`}>{t("newProcess", { id: r.newProcessId.slice(0, 8) })}</Link>
              </>
            )}
          </>
        ),
      }))}
      words={{
        heading: t("heading"),
        open: t("open"),
        dialog: t("dialog"),
        whyFailed: t("whyFailed"),
        failReason: t("failReason", { type: failReason?.type ?? t("unknownType"), message: failReason?.message ?? t("noMessage") }),
        explain: t("explain"),
        country: t("country"),
        documentType: t("documentType"),
        asBefore: t("asBefore"),
        documentTypesFallback: t("documentTypesFallback"),
        left: `${t("consent")} ${t("left", { left, cap })}`,
        retrying: t("retrying"),
        confirm: t("confirm"),
        cancel: t("cancel"),
        resume: t("resume"),
        notStartable: t("notStartable"),
        canceling: t("canceling"),
        cancelLeftover: t("cancelLeftover"),
      }}
    />
  );
}
