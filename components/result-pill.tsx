import type { Tone } from "@/lib/onfido/labels";

const TONE_STYLES: Record<Tone, string> = {
  clear: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  flagged: "bg-amber-100 text-amber-950 ring-amber-400 font-semibold",
  "not-performed": "bg-slate-100 text-slate-700 ring-slate-300 italic",
  unknown: "bg-white text-slate-800 ring-slate-300",
};

interface PillProps {
  text: string;
  tone: Tone;
  /** Spoken after a flagged value ("(not clear)"), in the page's language. */
  notClear: string;
}

/**
 * One Onfido result, its words given: client code uses this, server components the translated ResultPill
 * (breakdown-tree-result.tsx). Not-clear values carry a marker and a spoken hint, so colour is never the only signal.
 */
export function Pill({ text, tone, notClear }: PillProps) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${TONE_STYLES[tone]}`}>
      {tone === "flagged" && <span aria-hidden="true">▲</span>}
      {text}
      {tone === "flagged" && <span className="sr-only"> {notClear}</span>}
    </span>
  );
}
