/**
 * Document-like pictures: the front of a card or passport page (coloured background, header band, a photo
 * with a face, text lines, the MRZ), the back of a card (barcode, MRZ) and a selfie. Not art, but enough for
 * a reviewer's eye and an image viewer to have something real to show.
 */
import type { Identity } from "../onfido/run-onfido";
import { findCountry } from "../people/countries";
import { Canvas, type Colour, shade } from "./canvas";

export interface Look {
  skin: Colour;
  hair: Colour;
}

const INK: Colour = [52, 56, 70];
const PAPER: Colour = [236, 238, 232];
const GOLD: Colour = [205, 170, 90];

/** Widths of the printed text lines, varied by the person so that two documents do not look identical. */
function lineWidths(identity: Identity, count: number): number[] {
  const text = identity.person.firstName + identity.person.lastName + identity.document.number;
  return Array.from({ length: count }, (_, i) => 0.35 + (((text.charCodeAt(i % text.length) || 7) * (i + 3)) % 50) / 100);
}

export function drawFace(c: Canvas, cx: number, cy: number, r: number, look: Look): void {
  c.ellipse(cx, cy - r * 0.18, r * 0.95, r * 1.12, look.hair);
  c.rect(cx - r * 0.3, cy + r * 0.6, r * 0.6, r * 0.9, shade(look.skin, 0.92));
  c.ellipse(cx, cy + r * 0.08, r * 0.76, r * 0.96, look.skin);
  c.ellipse(cx - r * 0.3, cy - r * 0.08, r * 0.11, r * 0.07, [40, 36, 34]);
  c.ellipse(cx + r * 0.3, cy - r * 0.08, r * 0.11, r * 0.07, [40, 36, 34]);
  c.ellipse(cx, cy + r * 0.15, r * 0.07, r * 0.16, shade(look.skin, 0.85));
  c.ellipse(cx, cy + r * 0.5, r * 0.26, r * 0.07, [170, 80, 80]);
}

function drawMrz(c: Canvas, lines: readonly string[], top: number, height: number): void {
  c.rect(0, top, c.width, height, PAPER);
  const charW = (c.width * 0.92) / Math.max(...lines.map((l) => l.length));
  const rowH = height / (lines.length + 1);
  lines.forEach((line, row) => {
    [...line].forEach((ch, i) => {
      const x = c.width * 0.04 + i * charW;
      const y = top + rowH * (row + 0.6);
      if (ch === "<") c.rect(x + charW * 0.2, y + rowH * 0.4, charW * 0.5, Math.max(1, rowH * 0.08), INK);
      else c.rect(x + charW * 0.15, y, charW * 0.6, rowH * 0.55, INK);
    });
  });
}

export function drawFront(c: Canvas, identity: Identity, look: Look): void {
  const base: Colour = findCountry(identity.document.issuingCountry)?.colour ?? [210, 214, 222];
  const { width: w, height: h } = c;
  c.gradient(base, shade(base, 1.08));
  c.rect(0, 0, w, h * 0.14, shade(base, 0.68));
  c.rect(w * 0.04, h * 0.04, w * 0.5, h * 0.06, shade(base, 1.2));
  const passport = identity.document.type === "passport";
  const photoH = passport ? h * 0.5 : h * 0.58;
  c.rect(w * 0.05, h * 0.2, w * 0.27, photoH, [226, 228, 230]);
  drawFace(c, w * 0.185, h * 0.2 + photoH * 0.45, Math.min(w * 0.09, photoH * 0.3), look);
  lineWidths(identity, 6).forEach((width, i) => {
    c.rect(w * 0.37, h * (0.2 + i * 0.085), w * 0.58 * width, h * 0.04, INK);
  });
  if (identity.document.type === "national_identity_card" || identity.document.type === "residence_permit") {
    c.rect(w * 0.78, h * 0.7, w * 0.12, h * 0.14, GOLD);
  }
  if (identity.document.type === "driving_licence") c.rect(0, h * 0.86, w, h * 0.06, [196, 60, 70]);
  if (passport && identity.document.mrz) drawMrz(c, identity.document.mrz, h * 0.76, h * 0.24);
}

export function drawBack(c: Canvas, identity: Identity): void {
  const base: Colour = findCountry(identity.document.issuingCountry)?.colour ?? [210, 214, 222];
  const { width: w, height: h } = c;
  c.gradient(shade(base, 1.06), base);
  lineWidths(identity, 4).forEach((width, i) => c.rect(w * 0.06, h * (0.08 + i * 0.08), w * 0.8 * width, h * 0.035, INK));
  // A barcode: bar widths follow the document number's characters.
  let x = w * 0.06;
  for (const ch of identity.document.number.repeat(4)) {
    const bar = Math.max(1, ((ch.charCodeAt(0) % 4) + 1) * (w / 400));
    c.rect(x, h * 0.42, bar, h * 0.16, INK);
    x += bar * 2.2;
    if (x > w * 0.94) break;
  }
  if (identity.document.mrz) drawMrz(c, identity.document.mrz, h * 0.66, h * 0.34);
}

export function drawSelfie(c: Canvas, look: Look, faces: 1 | 2): void {
  const { width: w, height: h } = c;
  c.gradient([214, 220, 226], [176, 184, 196]);
  const centres = faces === 1 ? [w / 2] : [w * 0.3, w * 0.72];
  const r = faces === 1 ? w * 0.24 : w * 0.15;
  for (const cx of centres) {
    c.ellipse(cx, h * 0.45 + r * 2.3, r * 1.9, r * 1.0, [70, 96, 140]);
    drawFace(c, cx, h * 0.45, r, look);
  }
}
