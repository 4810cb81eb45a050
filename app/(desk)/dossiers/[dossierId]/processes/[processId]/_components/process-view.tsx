import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ComparisonTable } from "@/components/comparison-table";
import { JsonView } from "@/components/json-view";
import { buildReviewModel } from "@/lib/onfido/review-model";
import type { ProcessDetail } from "@/lib/processes/get-process-detail";
import type { ResultView } from "@/lib/results/result-view";
import { FullResultSection } from "./full-result-section";
import { MrzPanel } from "./mrz-panel";
import { ProcessHeader } from "./process-header";
import { ProcessTimeline } from "./process-timeline";
import { StatusExplanationPanel } from "./status-explanation";

interface ProcessViewProps {
  detail: ProcessDetail;
  /** Null when the viewer's role does not include full results (sub-breakdowns, images, raw files). */
  result: ResultView | null;
  /** What the viewer may do here (review, retry), drawn by the page for the viewer's role. */
  actions?: ReactNode;
  /** Who else is here, and the reload on a change (components/live/live-process.tsx). */
  live?: ReactNode;
  /** The way through the list the page was opened from, and the page's keys. */
  nav?: ReactNode;
}

/** Statuses that end without a verification: Assure may send nothing to compare. */
const ENDED_WITHOUT_CHECK = new Set(["failed", "canceled"]);

/** Assure sends `"providerSpecific": {}` on canceled processes: an empty object is no result either. */
const isEmpty = (value: object | null) => !value || Object.keys(value).length === 0;

/** A failed or canceled process with nothing from Assure: tables of "absent" would say nothing, once per row. */
function hasNoResults(detail: ProcessDetail, result: ResultView | null): boolean {
  return (
    ENDED_WITHOUT_CHECK.has(detail.status) &&
    isEmpty(detail.finalResult) &&
    isEmpty(detail.providerSpecific) &&
    (!result || result.state === "none")
  );
}

/** The whole process page, from data already loaded: rendered by the page and, in tests, by renderToString. */
export function ProcessView({ detail, result, actions, live, nav }: ProcessViewProps) {
  const t = useTranslations("Process");
  if (hasNoResults(detail, result)) return <NoResultsView detail={detail} nav={nav} actions={<>{live}{actions}</>} />;
  const ready = result?.state === "ready" ? result : null;
  const review = buildReviewModel({
    status: detail.status,
    processType: detail.processType,
    finalResult: detail.finalResult,
    providerSpecific: detail.providerSpecific,
    failReason: detail.failReason,
    documentReport: ready?.documentReport ?? null,
    facialReport: ready?.facialReport ?? null,
  });
  return (
    <article aria-labelledby="process-heading" className="flex flex-col gap-4">
      {nav}
      <ProcessHeader detail={detail} zipUrl={!result || result.state === "none" ? null : result.stored.zipUrl} />
      {live}
      <StatusExplanationPanel explanation={review.explanation} failReason={detail.failReason} />
      {actions}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[1fr_1fr_minmax(16rem,0.8fr)]">
        <section aria-label={t("verdicts")} className="rounded-md border border-slate-200 bg-white p-3">
          <ComparisonTable title={t("verdictsTitle")} table={review.verdicts} verdicts />
        </section>
        <section aria-label={t("extracted")} className="rounded-md border border-slate-200 bg-white p-3">
          <ComparisonTable title={t("extractedTitle")} table={review.extracted} />
        </section>
        <ProcessTimeline detail={detail} />
      </div>
      <MrzPanel mrz={review.mrz} />
      {result ? (
        <FullResultSection result={result} status={detail.status} />
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-600">
          {t("fullResultForRoles")}
        </p>
      )}
      <RawProcess detail={detail} />
    </article>
  );
}

function RawProcess({ detail }: { detail: ProcessDetail }) {
  const t = useTranslations("Process");
  return (
    <section aria-labelledby="raw-process-heading" className="flex flex-col gap-2">
      <h2 id="raw-process-heading" className="text-base font-semibold">{t("rawHeading")}</h2>
      <JsonView title={t("rawTitle")} text={JSON.stringify(detail.raw)} note={t("rawNote")} />
    </section>
  );
}

function NoResultsView({ detail, actions, nav }: { detail: ProcessDetail; actions?: ReactNode; nav?: ReactNode }) {
  const t = useTranslations("Process");
  const explanation = buildReviewModel({
    status: detail.status,
    processType: detail.processType,
    finalResult: null,
    providerSpecific: null,
    failReason: detail.failReason,
    documentReport: null,
    facialReport: null,
  }).explanation;
  return (
    <article aria-labelledby="process-heading" className="flex flex-col gap-4">
      {nav}
      <ProcessHeader detail={detail} zipUrl={null} />
      <StatusExplanationPanel explanation={explanation} failReason={detail.failReason} />
      {actions}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[2fr_minmax(16rem,0.8fr)]">
        <p role="note" className="self-start rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
          {t.rich("noResults", { status: detail.status, code: (chunks) => <code>{chunks}</code> })}
        </p>
        <ProcessTimeline detail={detail} />
      </div>
      <RawProcess detail={detail} />
    </article>
  );
}
