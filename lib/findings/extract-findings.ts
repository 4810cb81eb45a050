import { REASON_KEYS, type OnfidoReport } from "../onfido/report-schemas";

/**
 * The findings of a full result as rows (db/findings-schema.ts): one per report, and one per breakdown or
 * sub-breakdown that found something (a result other than `clear`, or a score), with its result and the
 * properties the overview counts. A clear or unperformed check has no row: that is about 50 of a typical
 * result's 55 checks, and writing them cost the result stage more than the rest of its database work. Properties pass an allow-list:
 * a flagged reason (`consider`), a score, and on the document report the document type and issuing
 * country. Names, numbers and dates in the reports never get here, so the rows are facts the purge keeps.
 */

export interface Finding {
  /** `document.image_integrity.image_quality`. */
  path: string;
  report: string;
  depth: 0 | 1 | 2;
  result: string | null;
  properties: Record<string, string | number> | null;
  score: number | null;
}

type Rec = Record<string, unknown>;
const isRecord = (value: unknown): value is Rec => typeof value === "object" && value !== null && !Array.isArray(value);
const numberOf = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Onfido's keys are snake_case words; anything else (a key made of data) is left out of a path. */
const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const DOCUMENT_TYPE = /^[a-z][a-z_]{0,40}$/;
const COUNTRY = /^[A-Z]{3}$/;

/** A result as text; null when Onfido did not perform the check (or sent something that is not a word). */
function resultOf(value: unknown): string | null {
  return typeof value === "string" && value.length <= 40 ? value : null;
}

/** The flagged reasons and the score of a (sub-)breakdown's properties. */
function breakdownProperties(key: string, properties: unknown): { properties: Record<string, string | number> | null; score: number | null } {
  if (!isRecord(properties)) return { properties: null, score: null };
  const known = REASON_KEYS[key] ?? [];
  const kept: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(properties)) {
    // Flagged reasons, known or new; a known reason's other value (`clear`) says nothing worth counting.
    if (value === "consider" && KEY.test(name)) kept[name] = value;
    else if (known.includes(name) && typeof value === "string" && value.length <= 40) kept[name] = value;
  }
  const score = numberOf(properties.score);
  if (score !== null) kept.score = score;
  return { properties: Object.keys(kept).length > 0 ? kept : null, score };
}

function reportProperties(report: OnfidoReport): { properties: Record<string, string | number> | null; score: number | null } {
  const p = isRecord(report.properties) ? report.properties : {};
  const kept: Record<string, string | number> = {};
  if (typeof p.document_type === "string" && DOCUMENT_TYPE.test(p.document_type)) kept.document_type = p.document_type;
  if (typeof p.issuing_country === "string" && COUNTRY.test(p.issuing_country)) kept.issuing_country = p.issuing_country;
  const score = numberOf(p.score);
  if (score !== null) kept.score = score;
  return { properties: Object.keys(kept).length > 0 ? kept : null, score };
}

/** A breakdown is kept when it found something: a result other than `clear` (`consider`, `unidentified`, …) or a score. */
export function isNoteworthy(finding: Pick<Finding, "result" | "score">): boolean {
  return (finding.result !== null && finding.result !== "clear") || finding.score !== null;
}

function keepNoteworthy(rows: Finding[], finding: Finding) {
  if (isNoteworthy(finding)) rows.push(finding);
}

function reportFindings(report: OnfidoReport): Finding[] {
  const name = report.name;
  const rows: Finding[] = [{ path: name, report: name, depth: 0, result: resultOf(report.result), ...reportProperties(report) }];
  for (const [key, node] of Object.entries(report.breakdown)) {
    if (!KEY.test(key)) continue;
    const path = `${name}.${key}`;
    const value = isRecord(node) ? node : {};
    keepNoteworthy(rows, { path, report: name, depth: 1, result: resultOf(value.result), ...breakdownProperties(key, value.properties) });
    if (!isRecord(value.breakdown)) continue;
    for (const [subKey, sub] of Object.entries(value.breakdown)) {
      if (!KEY.test(subKey)) continue;
      const subValue = isRecord(sub) ? sub : {};
      keepNoteworthy(rows, { path: `${path}.${subKey}`, report: name, depth: 2, result: resultOf(subValue.result), ...breakdownProperties(subKey, subValue.properties) });
    }
  }
  return rows;
}

/** Every report's findings; a second report of the same name (rare) adds nothing: the first one counts. */
export function extractFindings(reports: readonly OnfidoReport[]): Finding[] {
  const seen = new Set<string>();
  const rows: Finding[] = [];
  for (const report of reports) {
    if (!KEY.test(report.name) || seen.has(report.name)) continue;
    seen.add(report.name);
    rows.push(...reportFindings(report));
  }
  return rows;
}
