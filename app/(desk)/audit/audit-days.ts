import { readDay, showDay, type DayFormat } from "@/components/list-kit/local-day";

type SearchParams = Record<string, string | string[] | undefined>;
type DayField = "from" | "to";

export interface AuditDays {
  /** The days to filter on (`YYYY-MM-DD`, in the viewer's zone), when every typed day reads as one. */
  from?: string;
  to?: string;
  /** What each field shows again: the day in the page's format, or the text as typed when it is no day. */
  shown: Record<DayField, string>;
  /** A day that does not read, or a range that ends before it starts: the page says so instead of listing. */
  problem: { field: DayField; kind: "invalid" | "backwards" } | null;
  /** The same address with ISO days, when a day came typed in the page's format: the URL keeps ISO days. */
  canonical: string | null;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/**
 * The audit log's From and To as the filter form sends them: typed in the page's numeric format (`02.12.2026`,
 * `02/12/2026`) or ISO days, as links and the paging carry them.
 */
export function readAuditDays(params: SearchParams, format: DayFormat): AuditDays {
  const typed = { from: first(params.from), to: first(params.to) };
  const read = { from: readDay(typed.from, format), to: readDay(typed.to, format) };
  const day = (field: DayField) => (read[field] === "invalid" ? undefined : (read[field] ?? undefined));
  const from = day("from");
  const to = day("to");
  const shown = {
    from: from ? showDay(from, format) : typed.from,
    to: to ? showDay(to, format) : typed.to,
  };
  const invalid = (["from", "to"] as const).find((field) => read[field] === "invalid");
  const problem = invalid ? { field: invalid, kind: "invalid" as const } : from && to && from > to ? { field: "to" as const, kind: "backwards" as const } : null;
  if (invalid) return { shown, problem, canonical: null };

  const retyped = (from ?? "") !== typed.from || (to ?? "") !== typed.to;
  let canonical: string | null = null;
  if (retyped) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      const text = name === "from" ? from : name === "to" ? to : first(value);
      if (text) query.set(name, text);
    }
    canonical = `/audit${query.size > 0 ? `?${query}` : ""}`;
  }
  return { from, to, shown, problem, canonical };
}
