import { breakdownExplanationKey, reasonExplanationKey, reportKind, type ReportKind } from "./breakdown-explanations";
import { humanize, resultText, toneOf, valueText, type Tone } from "./labels";
import { DOCUMENT_BREAKDOWN_ORDER, REASON_KEYS, isDocumentReport, type OnfidoReport } from "./report-schemas";

/**
 * An Onfido report as a plain tree for the breakdown view: breakdown → sub-breakdowns, each with its result,
 * the reasons it was flagged for and its other properties. Nothing is dropped: keys the desk does not know
 * become entries of their own, and a `null` result reads "not performed" rather than vanishing. `label` is the
 * key in English words (the evidence pack's); the page shows Onfido's own key beside the explanation that
 * `explain` names (a message under `Onfido`, lib/onfido/breakdown-explanations.ts).
 */

export interface TreeEntry {
  key: string;
  label: string;
  value: string;
}

export interface TreeReason {
  key: string;
  label: string;
  value: string;
  flagged: boolean;
  /** The message explaining this reason, or null. */
  explain: string | null;
}

export interface TreeNode {
  /** Dotted path, unique in the report: `image_integrity.image_quality`. */
  id: string;
  key: string;
  label: string;
  result: string;
  tone: Tone;
  /** The node has no `result` at all (`result` then reads "absent"). */
  resultAbsent: boolean;
  /** The message explaining this breakdown or sub-breakdown, or null. */
  explain: string | null;
  reasons: TreeReason[];
  properties: TreeEntry[];
  /** Keys other than result, breakdown and properties. */
  extra: TreeEntry[];
  children: TreeNode[];
}

export interface ReportTree {
  name: string;
  label: string;
  /** Which explanations apply: document or facial similarity; null for a report the desk does not interpret. */
  kind: ReportKind | null;
  id: string | null;
  status: string;
  result: string;
  resultTone: Tone;
  /** null: the report has no sub-result to show (facial similarity reports never do). */
  subResult: string | null;
  breakdowns: TreeNode[];
  properties: TreeEntry[];
  /** Top-level keys beyond the documented ones. */
  extra: TreeEntry[];
}

const KNOWN_REPORT_KEYS = new Set(["id", "name", "status", "result", "sub_result", "created_at", "href", "check_id", "breakdown", "properties", "documents"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(record: Record<string, unknown>, skip: ReadonlySet<string> = new Set()): TreeEntry[] {
  return Object.entries(record)
    .filter(([key]) => !skip.has(key))
    .map(([key, value]) => ({ key, label: humanize(key), value: valueText(value) }));
}

/** A property is a reason when the sub-breakdown lists reasons or when its value is itself a verdict. */
function splitProperties(key: string, properties: Record<string, unknown>) {
  const known = REASON_KEYS[key] ?? [];
  const reasons: TreeReason[] = [];
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (known.includes(name) || value === "consider") {
      reasons.push({ key: name, label: humanize(name), value: valueText(value), flagged: value === "consider", explain: reasonExplanationKey(name) });
    } else {
      rest[name] = value;
    }
  }
  return { reasons, properties: entries(rest) };
}

const NODE_KEYS = new Set(["result", "breakdown", "properties"]);

function buildNode(kind: ReportKind | null, key: string, value: unknown, parent: string): TreeNode {
  const id = parent ? `${parent}.${key}` : key;
  const explain = breakdownExplanationKey(kind, id);
  if (!isRecord(value)) {
    // Not the documented shape: keep the value rather than guess.
    return { id, key, label: humanize(key), result: valueText(value), tone: "unknown", resultAbsent: value === undefined, explain, reasons: [], properties: [], extra: [], children: [] };
  }
  const result = "result" in value ? value.result : undefined;
  const split = isRecord(value.properties) ? splitProperties(key, value.properties) : { reasons: [], properties: [] };
  const extra = entries(value, NODE_KEYS);
  if (value.properties !== undefined && !isRecord(value.properties)) extra.push({ key: "properties", label: "properties", value: valueText(value.properties) });
  const children = isRecord(value.breakdown) ? Object.entries(value.breakdown).map(([k, v]) => buildNode(kind, k, v, id)) : [];
  if (value.breakdown !== undefined && !isRecord(value.breakdown)) extra.push({ key: "breakdown", label: "breakdown", value: valueText(value.breakdown) });
  return { id, key, label: humanize(key), result: resultText(result), tone: toneOf(result), resultAbsent: result === undefined, explain, ...split, extra, children };
}

function orderOf(name: string): number {
  const at = (DOCUMENT_BREAKDOWN_ORDER as readonly string[]).indexOf(name);
  return at < 0 ? DOCUMENT_BREAKDOWN_ORDER.length : at;
}

export function buildReportTree(report: OnfidoReport): ReportTree {
  const kind = reportKind(report);
  const breakdowns = Object.entries(report.breakdown)
    .map(([key, value], index) => ({ node: buildNode(kind, key, value, ""), index }))
    // Known breakdowns in Onfido's order; unknown ones after them, as they came.
    .sort((a, b) => orderOf(a.node.key) - orderOf(b.node.key) || a.index - b.index)
    .map(({ node }) => node);
  return {
    name: report.name,
    label: humanize(report.name),
    kind,
    id: report.id ?? null,
    status: report.status ?? "absent",
    result: resultText(report.result),
    resultTone: toneOf(report.result),
    // Only document reports have a sub-result; elsewhere Onfido always sends null, which means nothing.
    subResult: report.sub_result === undefined || (report.sub_result === null && !isDocumentReport(report)) ? null : resultText(report.sub_result),
    breakdowns,
    properties: isRecord(report.properties) ? entries(report.properties) : [],
    extra: entries(report, KNOWN_REPORT_KEYS),
  };
}
