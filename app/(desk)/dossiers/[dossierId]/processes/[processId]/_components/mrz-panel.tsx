import type { Agreement, MrzCheck } from "@/lib/onfido/mrz-check";

interface MrzPanelProps {
  mrz: MrzCheck;
}

const AGREEMENT: Record<Agreement, { text: string; className: string }> = {
  match: { text: "matches", className: "text-emerald-800" },
  mismatch: { text: "▲ differs", className: "font-semibold text-red-800" },
  truncated: { text: "matches (cut in the MRZ)", className: "text-emerald-800" },
  "not-compared": { text: "not compared", className: "italic text-slate-600" },
};

function Lines({ lines }: { lines: string[] }) {
  return (
    <pre tabIndex={0} aria-label="MRZ lines" className="overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-sm leading-6 tracking-wider text-slate-50">
      {lines.join("\n")}
    </pre>
  );
}

/** The machine-readable zone read on its own: check digits, then each field against the extracted one. */
export function MrzPanel({ mrz }: MrzPanelProps) {
  return (
    <section aria-labelledby="mrz-heading" className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3">
      <h2 id="mrz-heading" className="text-sm font-semibold">MRZ check</h2>
      {mrz.state === "absent" && <p className="text-sm text-slate-600">No MRZ lines in the data (absent from providerSpecific and from the document report).</p>}
      {mrz.state === "unparseable" && (
        <>
          <Lines lines={mrz.lines} />
          <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            The MRZ from {mrz.source} cannot be read: {mrz.problem}. Its check digits cannot be verified.
          </p>
        </>
      )}
      {mrz.state === "parsed" && (
        <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
          <div className="flex flex-col gap-2">
            <Lines lines={mrz.lines} />
            <p className="text-xs text-slate-600">
              {mrz.format} from {mrz.source}. {mrz.valid ? "Every check digit holds." : "Not every field is valid."}
            </p>
            <ul aria-label="Check digits" className="flex flex-col gap-0.5 text-sm">
              {mrz.checkDigits.map((digit) => (
                <li key={digit.label} className={digit.holds ? "text-emerald-800" : "font-semibold text-red-800"}>
                  {digit.holds ? "✓" : "✗"} {digit.label}: {digit.holds ? "holds" : digit.error}
                </li>
              ))}
              {mrz.fieldErrors.map((field) => (
                <li key={field.label} className="font-semibold text-red-800">
                  ✗ {field.label}: {field.error}
                </li>
              ))}
            </ul>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">MRZ fields compared with the extracted fields</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">Field</th>
                  <th scope="col" className="px-2 py-1 font-medium">MRZ</th>
                  <th scope="col" className="px-2 py-1 font-medium">Extracted</th>
                  <th scope="col" className="px-2 py-1 font-medium">Comparison</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {mrz.comparisons.map((c) => (
                  <tr key={c.field} className={c.agreement === "mismatch" ? "bg-red-50" : undefined}>
                    <th scope="row" className="py-1 pr-2 font-normal text-slate-700">{c.label}</th>
                    <td className="px-2 py-1 font-mono text-xs">{c.mrzDisplay}</td>
                    <td className="px-2 py-1 font-mono text-xs">{c.extracted ?? <span className="italic text-slate-600">absent</span>}</td>
                    <td className={`px-2 py-1 text-xs ${AGREEMENT[c.agreement].className}`}>{AGREEMENT[c.agreement].text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
