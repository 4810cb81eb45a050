import path from "node:path";
import type { Font as FontStore } from "@react-pdf/renderer";

/**
 * DejaVu Sans (Bitstream Vera licence, lib/evidence/fonts/LICENSE): the PDF's built-in Helvetica has no
 * Ø, Š or Ł, so names would lose their letters. Registered once per process; read from the repository
 * (the app runs from its root).
 */
export const EVIDENCE_FONT = "DejaVu Sans";

let registered = false;

export function registerEvidenceFonts(Font: typeof FontStore): void {
  if (registered) return;
  const dir = path.join(process.cwd(), "lib", "evidence", "fonts");
  Font.register({
    family: EVIDENCE_FONT,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: "normal" },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  Font.register({ family: `${EVIDENCE_FONT} Mono`, src: path.join(dir, "DejaVuSansMono.ttf") });
  // Ids, hashes and MRZ lines are never hyphenated; a word longer than a line is broken without a hyphen mark.
  Font.registerHyphenationCallback((word) => (word.length > 48 ? (word.match(/.{1,48}/g) ?? [word]) : [word]));
  registered = true;
}
