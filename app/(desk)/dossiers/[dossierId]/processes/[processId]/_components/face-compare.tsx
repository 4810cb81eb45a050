"use client";

import { useEffect, useRef, useState } from "react";
import { ImageCard } from "@/components/image-card";
import type { ImageViewerWords } from "@/components/image-words";
import type { MediaView } from "@/lib/results/result-view";
import type { FacePair } from "./face-pair";

interface FaceCompareProps {
  pair: FacePair;
  /** The words, translated by the server (list-walk-nav.tsx). */
  labels: Record<"open" | "title" | "hint" | "close" | "noDocument" | "noPerson" | "frontShown" | "videoShown", string>;
  /** The picture viewer's messages (zoom, turn, reset). */
  imageWords: ImageViewerWords;
}

const FRAME = "h-[68vh] w-full";

function Side({ media, missing, note, imageWords }: { media: MediaView | null; missing: string; note: string | null; imageWords: ImageViewerWords }) {
  if (!media) return <p role="note" className="flex h-full items-center justify-center rounded-md border border-dashed border-slate-300 p-6 text-slate-700">{missing}</p>;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {note && <p className="text-xs text-slate-600">{note}</p>}
      {media.contentType.startsWith("video/") ? (
        <figure className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-2">
          <figcaption className="text-sm font-medium">{media.label}</figcaption>
          <video controls preload="metadata" src={media.url} aria-label={media.label} className={`${FRAME} rounded bg-black object-contain`} />
        </figure>
      ) : (
        <ImageCard image={media} words={imageWords} frameClassName={FRAME} />
      )}
    </div>
  );
}

/**
 * The document's face and the person's side by side, large, in a modal dialog (Esc closes). Each picture
 * zooms about its centre and pans on its own: the portrait is a small part of a card and the selfie a
 * close-up, so one shared pan would lose one face while finding the other.
 */
export function FaceCompare({ pair, labels, imageWords }: FaceCompareProps) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  const { document, person } = pair;
  return (
    <>
      <button
        type="button"
        data-shortcut="compare"
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
      >
        {labels.open} <span className="text-xs text-slate-600">(c)</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="face-compare-heading"
        onClose={() => setOpen(false)}
        className="m-auto w-[96vw] max-w-none rounded-md border border-slate-300 p-0 backdrop:bg-slate-900/50"
      >
        {open && (
          <div className="flex flex-col gap-3 p-4 text-sm">
            <div className="flex items-baseline justify-between gap-3">
              <h2 id="face-compare-heading" className="text-base font-semibold">{labels.title}</h2>
              <p className="text-xs text-slate-600">{labels.hint}</p>
              <form method="dialog">
                <button autoFocus className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">{labels.close}</button>
              </form>
            </div>
            <div className="grid grid-cols-2 gap-3">
              <Side
                media={document}
                missing={labels.noDocument}
                note={document?.kind === "front" ? labels.frontShown : null}
                imageWords={imageWords}
              />
              <Side
                media={person}
                missing={labels.noPerson}
                note={person?.kind === "video" ? labels.videoShown : null}
                imageWords={imageWords}
              />
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
