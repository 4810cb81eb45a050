import { useTranslations } from "next-intl";
import type { Messages } from "@/components/labels";
import { LocalTime } from "@/components/local-time";
import { BreakdownTree } from "@/components/breakdown-tree";
import { ImageViewer } from "@/components/image-viewer";
import { JsonView } from "@/components/json-view";
import type { UnreadableReason, UnsafeReason } from "@/lib/results/result-errors";
import type { ResultView } from "@/lib/results/result-view";
import { useByteSize } from "./byte-size";
import { CheckPanel } from "./check-panel";
import { FacialPanel } from "./facial-panel";

interface FullResultSectionProps {
  result: ResultView;
  status: string;
}

const NO_RESULT = { pending: "pending", processing: "processing", failed: "failed", canceled: "canceled" } as const;
const isNoResultStatus = (status: string): status is keyof typeof NO_RESULT => Object.hasOwn(NO_RESULT, status);

/** The refusal codes (lib/results/result-errors.ts) as keys of `FullResult.reason`. */
const REASON: Record<UnsafeReason | UnreadableReason, keyof Messages["FullResult"]["reason"]> = {
  "zip-too-large": "zipTooLarge",
  "too-many-entries": "tooManyEntries",
  "declared-too-large": "declaredTooLarge",
  "inflated-too-large": "inflatedTooLarge",
  "entry-name": "entryName",
  "duplicate-name": "duplicateName",
  encrypted: "encrypted",
  "not-a-zip": "notAZip",
  truncated: "truncated",
  corrupt: "corrupt",
  unsupported: "unsupported",
  damaged: "damaged",
};

function Heading() {
  const t = useTranslations("FullResult");
  return <h2 id="full-result-heading" className="text-base font-semibold">{t("heading")}</h2>;
}

/** The stored zip, opened: pictures, the reports as trees, the check, and every JSON file as received. */
export function FullResultSection({ result, status }: FullResultSectionProps) {
  const t = useTranslations("FullResult");
  const size = useByteSize();
  if (result.state === "none" && result.tooLarge) {
    const { limitBytes, declaredBytes, refusedAt } = result.tooLarge;
    const time = () => <LocalTime at={refusedAt} />;
    return (
      <section aria-labelledby="full-result-heading" className="flex flex-col gap-2">
        <Heading />
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">{t("tooLargeTitle")}</p>
          <p className="mt-1">
            {declaredBytes === null
              ? t.rich("tooLarge", { limit: size(limitBytes), time })
              : t.rich("tooLargeDeclared", { limit: size(limitBytes), declared: size(declaredBytes), time })}
          </p>
        </div>
      </section>
    );
  }
  if (result.state === "none") {
    return (
      <section aria-labelledby="full-result-heading" className="flex flex-col gap-2">
        <Heading />
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
          {t(`noResult.${isNoResultStatus(status) ? NO_RESULT[status] : "other"}`)}
        </p>
      </section>
    );
  }
  const stored = (
    <p className="text-xs text-slate-600">
      {t.rich("stored", { size: size(result.stored.sizeBytes), time: () => <LocalTime at={result.stored.storedAt} /> })}{" "}
      <span className="font-mono" title={result.stored.sha256}>{result.stored.sha256.slice(0, 12)}…</span>
    </p>
  );
  if (result.state === "refused") {
    const reason: keyof Messages["FullResult"]["reason"] | undefined = REASON[result.reason];
    return (
      <section aria-labelledby="full-result-heading" className="flex flex-col gap-2">
        <Heading />
        {stored}
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950">
          <p className="font-semibold">{result.kind === "unsafe" ? t("refusedUnsafe") : t("refusedUnreadable")}</p>
          {reason && <p className="mt-1">{t(`reason.${reason}`)}</p>}
          <p className="mt-1">{t("checker", { message: result.message })}</p>
          <p className="mt-1 text-xs">
            {t.rich("refusedNote", { reason: result.reason, code: (chunks) => <span className="font-mono">{chunks}</span> })}
          </p>
        </div>
      </section>
    );
  }
  const images = result.media.filter((m) => m.contentType.startsWith("image/"));
  const videos = result.media.filter((m) => m.contentType.startsWith("video/"));
  const documentTree = result.trees.find((t) => t.name === result.documentReport?.name);
  const otherTrees = result.trees.filter((t) => t !== documentTree);
  return (
    <section aria-labelledby="full-result-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <Heading />
        {stored}
      </div>
      {result.warnings.length > 0 && (
        <ul aria-label={t("notes")} className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {result.warnings.map((w, i) => <li key={i}>⚠ {t(`warning.${w.key}`, w.values)}</li>)}
        </ul>
      )}
      {images.length > 0 ? <ImageViewer images={images} /> : <p className="text-sm text-slate-600">{t("noPictures")}</p>}
      {videos.map((video) => {
        const label = video.kind === "other" ? video.label : t(`media.${video.kind}`);
        return (
          <figure key={video.slug} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-2">
            <figcaption className="text-sm font-medium">{label} <span className="text-xs font-normal text-slate-600">{size(video.sizeBytes)}</span></figcaption>
            <video controls preload="metadata" src={video.url} className="max-h-80 w-full rounded bg-black" aria-label={label} />
          </figure>
        );
      })}
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
        <section aria-labelledby="document-report-heading" className="rounded-md border border-slate-200 bg-white p-3">
          <h3 id="document-report-heading" className="mb-2 text-sm font-semibold">{t("documentReport")}</h3>
          {documentTree ? <BreakdownTree tree={documentTree} /> : <p className="text-sm text-slate-600">{t("noDocumentReport")}</p>}
        </section>
        <div className="flex flex-col gap-3">
          <FacialPanel facial={result.facial} tree={otherTrees.find((t) => t.name === result.facialReport?.name) ?? null} />
          <CheckPanel check={result.check} />
        </div>
      </div>
      {otherTrees
        .filter((t) => t.name !== result.facialReport?.name)
        .map((tree) => (
          <section key={`${tree.name}-${tree.id}`} aria-label={t("reportOf", { label: tree.label })} className="rounded-md border border-slate-200 bg-white p-3">
            <h3 className="mb-2 text-sm font-semibold">{t("reportOf", { label: tree.label })}</h3>
            <BreakdownTree tree={tree} />
          </section>
        ))}
      <section aria-labelledby="raw-files-heading" className="flex flex-col gap-2">
        <h3 id="raw-files-heading" className="text-sm font-semibold">{t("files")}</h3>
        {result.json.map((file) => {
          const label = t(`jsonRole.${file.role}`);
          return <JsonView key={file.path} title={file.path} text={file.text} note={file.truncated ? t("jsonTruncated", { label }) : label} />;
        })}
        {result.media.length + result.others.length > 0 && (
          <ul className="text-sm text-slate-700">
            {result.media.map((m) => <li key={m.path}><span className="font-mono">{m.path}</span>: {m.contentType}, {size(m.sizeBytes)}</li>)}
            {result.others.map((o) => (
              <li key={o.path}>
                <span className="font-mono">{o.path}</span>: {size(o.sizeBytes)},{" "}
                {o.note.key === "jsonTooLarge" ? t("otherNote.jsonTooLarge", { limit: size(o.note.values.limitBytes) }) : t(`otherNote.${o.note.key}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
