"use client";

import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";

export interface ViewerImage {
  url: string;
  label: string;
  sizeText: string;
}

interface ImageViewerProps {
  images: ViewerImage[];
}

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
  /** The frame's size: a 4:3 box in the page's grid by default; the face comparison's is taller. */
  frameClassName?: string;
}

/** One picture with its own zoom and rotation. Zooming keeps the point at the frame's centre where it is. */
export function ImageCard({ image, frameClassName = "aspect-[4/3] w-full" }: ImageCardProps) {
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

  const state = `${Math.round(scale * 100)}%${view.rotation ? `, turned ${view.rotation}°` : ""}`;
  return (
    <figure className="flex min-w-0 flex-col gap-1.5 rounded-md border border-slate-200 bg-white p-2">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{image.label}</span>
        <span className="text-xs text-slate-600">{image.sizeText}</span>
      </figcaption>
      <div
        ref={frame}
        role="group"
        tabIndex={0}
        aria-label={`${image.label}, zoom ${state}. Keys: plus and minus zoom, r turns right, shift+r turns left, 0 resets.`}
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
      <div role="toolbar" aria-label={`${image.label} controls`} className="flex flex-wrap items-center gap-1">
        <button type="button" className={buttonClass} onClick={() => zoomBy(-1)} disabled={view.zoom === 0} aria-label={`Zoom out ${image.label}`}>
          −
        </button>
        <button type="button" className={buttonClass} onClick={() => zoomBy(1)} disabled={view.zoom === ZOOMS.length - 1} aria-label={`Zoom in ${image.label}`}>
          +
        </button>
        <button type="button" className={buttonClass} onClick={() => rotateBy(-90)} aria-label={`Turn ${image.label} left`}>
          ⟲
        </button>
        <button type="button" className={buttonClass} onClick={() => rotateBy(90)} aria-label={`Turn ${image.label} right`}>
          ⟳
        </button>
        <button type="button" className={buttonClass} onClick={reset} aria-label={`Reset ${image.label}`}>
          Reset
        </button>
        <output aria-live="polite" className="min-w-16 px-1 text-xs tabular-nums text-slate-700">
          {state}
        </output>
        <a href={image.url} target="_blank" rel="noopener noreferrer" className="ml-auto text-sm text-sky-800 underline hover:text-sky-950">
          Open in new tab<span className="sr-only"> ({image.label})</span>
        </a>
      </div>
    </figure>
  );
}

/** The result's pictures side by side, each with its own zoom and rotation. */
export function ImageViewer({ images }: ImageViewerProps) {
  if (images.length === 0) return null;
  return (
    <div className="grid grid-cols-[repeat(auto-fit,minmax(17rem,1fr))] gap-3">
      {images.map((image) => (
        <ImageCard key={image.url} image={image} />
      ))}
    </div>
  );
}
