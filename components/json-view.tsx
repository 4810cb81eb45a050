interface JsonViewProps {
  title: string;
  /** The file's text as stored; shown re-indented when it parses, as it is otherwise. */
  text: string;
  note?: string;
  open?: boolean;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON after all: the raw text is the honest thing to show.
    return text;
  }
}

/** A raw JSON file, collapsed by default; every key as received, nothing dropped. */
export function JsonView({ title, text, note, open = false }: JsonViewProps) {
  return (
    <details open={open} className="rounded-md border border-slate-200 bg-white">
      <summary className="cursor-pointer px-3 py-2 text-sm wrap-anywhere">
        <span className="font-mono">{title}</span>
        {note && <span className="ml-2 text-slate-600">{note}</span>}
      </summary>
      <pre tabIndex={0} aria-label={title} className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs leading-relaxed text-slate-900">
        {pretty(text)}
      </pre>
    </details>
  );
}
