/**
 * Renders one generated picture as JPEG at the configured size: a fixed width, or the width that makes the
 * file come out near a target number of bytes (measured on a small rendering of the same picture).
 */
import type { Identity } from "../onfido/run-onfido";
import { Canvas } from "./canvas";
import { drawBack, drawFront, drawSelfie, type Look } from "./draw-pictures";

export type PictureKind = "front" | "back" | "selfie";

export interface PictureSpec {
  kind: PictureKind;
  identity: Identity;
  look: Look;
  faces: 1 | 2;
  seed: number;
}

export interface PictureSize {
  width: number;
  targetBytes?: number | null;
  quality: number;
}

/** Everyday pictures: light grain at the configured quality. */
const GRAIN = 10;
/**
 * Pictures sized to a target: more grain at quality 97 gives ~0.8 bytes a pixel instead of ~0.25, so a
 * 6.5 MB picture needs 8 megapixels rather than 26 (a quarter of the memory and encoding time).
 */
const TARGET_GRAIN = 24;
const TARGET_QUALITY = 97;

/** Width divided by height. */
function aspect(spec: PictureSpec): number {
  if (spec.kind === "selfie") return 3 / 4;
  return spec.identity.document.type === "passport" ? 1.42 : 1.586;
}

function render(spec: PictureSpec, width: number, quality: number, grain: number): Buffer {
  const canvas = new Canvas(width, Math.max(16, Math.round(width / aspect(spec))));
  if (spec.kind === "front") drawFront(canvas, spec.identity, spec.look);
  else if (spec.kind === "back") drawBack(canvas, spec.identity);
  else drawSelfie(canvas, spec.look, spec.faces);
  canvas.grain(spec.seed, grain);
  return canvas.toJpeg(quality);
}

/**
 * The width at which the picture comes out near `target` bytes. Size grows with the area (grain) and with
 * the width (edges), so two small renderings fit bytes = a·pixels + b·width, which is then solved for width.
 */
function widthFor(spec: PictureSpec, target: number): number {
  const [w1, w2] = [160, 320];
  const measure = (w: number) => render(spec, w, TARGET_QUALITY, TARGET_GRAIN).length;
  const [b1, b2] = [measure(w1), measure(w2)];
  const r = 1 / aspect(spec);
  const a = (b2 / w2 - b1 / w1) / ((w2 - w1) * r);
  const b = b1 / w1 - a * r * w1;
  const width = a > 0 ? (-b + Math.sqrt(b * b + 4 * a * r * target)) / (2 * a * r) : Math.sqrt((target / b2) * w2 * w2);
  return Math.min(8000, Math.max(32, Math.round(width)));
}

export function renderPicture(spec: PictureSpec, size: PictureSize): Buffer {
  if (!size.targetBytes) return render(spec, size.width, size.quality, GRAIN);
  return render(spec, widthFor(spec, size.targetBytes), TARGET_QUALITY, TARGET_GRAIN);
}
