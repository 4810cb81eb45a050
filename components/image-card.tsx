"use client";

import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { fillMessage } from "./fill-message";
import { byteSize } from "./format";
import { useTimeSettings } from "./time-settings";
import type { ImageViewerWords, ViewerImage } from "./image-words";

const ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3, 4] as const;
const FIT = 2; // index of 1 (fit to the frame's width)

interface View {
  zoom: number;
  rotation: number;
}

const buttonClass =
  "rounded border border-slate-300 bg-white px-2 py-0.5 text-sm leading-5 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40";

interface ImageCardProps {
  image: ViewerImage;
  /** The ImageViewer messages, from the server (image-viewer.tsx, the face comparison's nav). */
  words: ImageViewerWords;
  /** The frame's size: a 4:3 box in the page's grid by default; the face comparison's is taller. */
  frameClassName?: string;
}

/** One picture with its own zoom and rotation. Zooming keeps the point at the frame's centre where it is. */
export function ImageCard({ image, words, frameClassName = "aspect-[4/3] w-full" }: ImageCardProps) {
  const { locale } = useTimeSettings();
  const [view, setView] = useState<View>({ zoom: FIT, rotation: 0 });
  const frame = useRef<HTMLDivElement>(null);
  // Where the frame's centre is on the picture (0..1 each way), taken before a zoom and restored after it.
  const centre = useRef({ x: 0.5, y: 0.5 });
  const scale = ZOOMS[view.zoom] ?? 1;
  const keepCentre = () => {
    const f = frame.current;
    if (f) centre.current = { x: (f.scrollLeft + f.clientWidth / 2) / f.scrollWidth, y: (f.scrollTop + f.clientHeight / 2) / f.scrollHeight };
  };
  const zoomBy = (step: number) => {
    keepCentre();
    setView((v) => ({ ...v, zoom: Math.min(ZOOMS.length - 1, Math.max(0, v.zoom + step)) }));
  };
  const rotateBy = (degrees: number) => setView((v) => ({ ...v, rotation: (v.rotation + degrees + 360) % 360 }));
  const reset = () => {
    centre.current = { x: 0.5, y: 0.5 };
    setView({ zoom: FIT, rotation: 0 });
  };

  useLayoutEffect(() => {
    const f = frame.current;
    if (!f) return;
    f.scrollLeft = centre.current.x * f.scrollWidth - f.clientWidth / 2;
    f.scrollTop = centre.current.y * f.scrollHeight - f.clientHeight / 2;
  }, [view.zoom]);

  // The frame takes keys too, so a reviewer can zoom and turn the picture without reaching for the buttons.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const actions: Record<string, () => void> = { "+": () => zoomBy(1), "=": () => zoomBy(1), "-": () => zoomBy(-1), r: () => rotateBy(90), R: () => rotateBy(-90), "0": reset };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  const zoom = new Intl.NumberFormat(locale, { style: "percent" }).format(scale);
  const state = view.rotation ? fillMessage(words.turned, { zoom, degrees: view.rotation }) : zoom;
  const label = { label: image.label };
  return (
    <figure className="flex min-w-0 flex-col gap-1.5 rounded-md border border-slate-200 bg-white p-2">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{image.label}</span>
        <span className="text-xs text-slate-600">{image.sizeBytes === undefined ? image.sizeText : byteSize(image.sizeBytes, locale)}</span>
      </figcaption>
      <div
        ref={frame}
        role="group"
        tabIndex={0}
        aria-label={fillMessage(words.frame, { label: image.label, state })}
        onKeyDown={onKeyDown}
        className={`${frameClassName} overflow-auto rounded bg-slate-100`}
      >
        <div style={{ width: `${scale * 100}%`, height: `${scale * 100}%` }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- private, uncached result files: next/image would cache them */}
          <img
            src={image.url}
            alt={image.label}
            draggable={false}
            // Turned a quarter, the picture's box is 3:4 in a 4:3 frame: scaling by 3/4 keeps it whole.
            style={{ transform: `rotate(${view.rotation}deg) scale(${view.rotation % 180 === 0 ? 1 : 0.75})` }}
            className="h-full w-full object-contain transition-transform"
          />
        </div>
      </div>
      <div role="toolbar" aria-label={fillMessage(words.controls, label)} className="flex flex-wrap items-center gap-1">
        <button type="button" className={buttonClass} onClick={() => zoomBy(-1)} disabled={view.zoom === 0} aria-label={fillMessage(words.zoomOut, label)}>
          −
        </button>
        <button type="button" className={buttonClass} onClick={() => zoomBy(1)} disabled={view.zoom === ZOOMS.length - 1} aria-label={fillMessage(words.zoomIn, label)}>
          +
        </button>
        <button type="button" className={buttonClass} onClick={() => rotateBy(-90)} aria-label={fillMessage(words.turnLeft, label)}>
          ⟲
        </button>
        <button type="button" className={buttonClass} onClick={() => rotateBy(90)} aria-label={fillMessage(words.turnRight, label)}>
          ⟳
        </button>
        <button type="button" className={buttonClass} onClick={reset} aria-label={fillMessage(words.resetLabel, label)}>
          {words.reset}
        </button>
        <output aria-live="polite" className="min-w-16 px-1 text-xs tabular-nums text-slate-700">
          {state}
        </output>
        <a href={image.url} target="_blank" rel="noopener noreferrer" className="ml-auto text-sm text-sky-800 underline hover:text-sky-950">
          {words.openInNewTab}<span className="sr-only"> ({image.label})</span>
        </a>
      </div>
    </figure>
  );
}
