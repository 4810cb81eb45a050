import { expectedInEnglish, type IgnoredParam } from "@/components/ignored-search-params";
import type { CsvExport } from "@/lib/exports/list-export";
import { InvalidInput } from "@/lib/errors";

/** A request's query as the list pages receive theirs (a repeated key gives a list). */
export function searchParamsOf(request: Request): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const seen = raw[key];
    raw[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return raw;
}

const PAGE_ONLY = new Set(["size", "cursor"]);

/**
 * The list pages leave out a value they do not know and say so on the page; a file has no place to say
 * it, and exporting a wider view than asked would be worse than nothing: refuse, naming each parameter.
 */
export function refuseIgnoredParams(ignored: IgnoredParam[]): void {
  // The page position is not read by an export: a page size it does not know changes nothing in the file.
  const refused = ignored.filter((p) => !PAGE_ONLY.has(p.key));
  if (refused.length === 0) return;
  throw new InvalidInput(
    "This view cannot be exported",
    refused.slice(0, 5).map((p) => `${p.key}: “${p.value}” is not known${p.expected ? ` (${expectedInEnglish(p.expected)})` : ""}`),
  );
}

/** The download: CSV as an attachment, never cached, never sniffed into something else. */
export function csvAnswer(file: CsvExport): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
