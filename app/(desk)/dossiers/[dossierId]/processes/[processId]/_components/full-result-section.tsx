import { BreakdownTree } from "@/components/breakdown-tree";
import { formatDateTime } from "@/components/format";
import { ImageViewer } from "@/components/image-viewer";
import { JsonView } from "@/components/json-view";
import type { ResultView } from "@/lib/results/result-view";
import { CheckPanel } from "./check-panel";
import { FacialPanel } from "./facial-panel";

interface FullResultSectionProps {
  result: ResultView;
  status: string;
}

const NO_RESULT: Record<string, string> = {
  pending: "There is no full result yet: the process is not finished.",
  processing: "There is no full result yet: the process is not finished.",
  failed: "Assure has no full result for a failed process.",
  canceled: "Assure has no full result for a canceled process.",
};

function Heading() {
  return <h2 id="full-result-heading" className="text-base font-semibold">Full result</h2>;
}

/** The stored zip, opened: pictures, the reports as trees, the check, and every JSON file as received. */
export function FullResultSection({ result, status }: FullResultSectionProps) {
  if (result.state === "none" && result.tooLarge) {
    const { limitText, declaredText, refusedAt } = result.tooLarge;
    return (
      <section aria-labelledby="full-result-heading" className="flex flex-col gap-2">
        <Heading />
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">The full result is too large to store</p>
          <p className="mt-1">
            Assure&apos;s zip for this process is larger than {limitText}{declaredText ? ` (it declared ${declaredText})` : ""}, the most the
            desk downloads. The download stopped there on {formatDateTime(new Date(refusedAt))} and nothing of it was stored; the status
            and Assure&apos;s final result above are complete.
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
          {NO_RESULT[status] ?? "No full result is stored for this process. It is downloaded from Assure when the process finishes."}
        </p>
      </section>
    );
  }
  const stored = (
    <p className="text-xs text-slate-600">
      Zip of {result.stored.sizeText}, stored {formatDateTime(new Date(result.stored.storedAt))}, sha256{" "}
      <span className="font-mono" title={result.stored.sha256}>{result.stored.sha256.slice(0, 12)}…</span>
    </p>
  );
  if (result.state === "refused") {
    return (
      <section aria-labelledby="full-result-heading" className="flex flex-col gap-2">
        <Heading />
        {stored}
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950">
          <p className="font-semibold">{result.kind === "unsafe" ? "The desk refused to open this zip" : "This zip cannot be read"}</p>
          <p className="mt-1">{result.message}</p>
          <p className="mt-1 text-xs">
            Reason: <span className="font-mono">{result.reason}</span>. The original can still be downloaded for investigation; do not open it
            on a workstation without care.
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
        <ul aria-label="Notes on the zip" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {result.warnings.map((w) => <li key={w}>⚠ {w}</li>)}
        </ul>
      )}
      {images.length > 0 ? <ImageViewer images={images} /> : <p className="text-sm text-slate-600">The zip holds no pictures.</p>}
      {videos.map((video) => (
        <figure key={video.slug} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-2">
          <figcaption className="text-sm font-medium">{video.label} <span className="text-xs font-normal text-slate-600">{video.sizeText}</span></figcaption>
          <video controls preload="metadata" src={video.url} className="max-h-80 w-full rounded bg-black" aria-label={video.label} />
        </figure>
      ))}
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
        <section aria-labelledby="document-report-heading" className="rounded-md border border-slate-200 bg-white p-3">
          <h3 id="document-report-heading" className="mb-2 text-sm font-semibold">Document report</h3>
          {documentTree ? <BreakdownTree tree={documentTree} /> : <p className="text-sm text-slate-600">The zip holds no document report.</p>}
        </section>
        <div className="flex flex-col gap-3">
          <FacialPanel facial={result.facial} tree={otherTrees.find((t) => t.name === result.facialReport?.name) ?? null} />
          <CheckPanel check={result.check} />
        </div>
      </div>
      {otherTrees
        .filter((t) => t.name !== result.facialReport?.name)
        .map((tree) => (
          <section key={`${tree.name}-${tree.id}`} aria-label={`${tree.label} report`} className="rounded-md border border-slate-200 bg-white p-3">
            <h3 className="mb-2 text-sm font-semibold">{tree.label} report</h3>
            <BreakdownTree tree={tree} />
          </section>
        ))}
      <section aria-labelledby="raw-files-heading" className="flex flex-col gap-2">
        <h3 id="raw-files-heading" className="text-sm font-semibold">Files in the zip</h3>
        {result.json.map((file) => (
          <JsonView key={file.path} title={file.path} text={file.text} note={file.truncated ? `${file.label}; only its start is shown, the zip has all of it` : file.label} />
        ))}
        {result.media.length + result.others.length > 0 && (
          <ul className="text-sm text-slate-700">
            {result.media.map((m) => <li key={m.path}><span className="font-mono">{m.path}</span>: {m.contentType}, {m.sizeText}</li>)}
            {result.others.map((o) => <li key={o.path}><span className="font-mono">{o.path}</span>: {o.sizeText}, {o.note}</li>)}
          </ul>
        )}
      </section>
    </section>
  );
}
