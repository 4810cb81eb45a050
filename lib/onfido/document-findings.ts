import { humanize, joinWords, toneOf } from "./labels";
import { buildReportTree, type TreeNode } from "./report-tree";
import type { OnfidoReport } from "./report-schemas";

/**
 * What the document verification says, from the finest source there is: the Onfido document report in the
 * full result (breakdown, sub-breakdowns and reasons), else Assure's flattened `documentVerification`.
 */

export interface DocumentFindings {
  source: "report" | "provider-specific" | "none";
  result: unknown;
  subResult: unknown;
  /** One phrase per flagged breakdown: "image integrity consider (image quality: blurred_photo)". */
  flagged: string[];
  /** Sub-checks Onfido did not perform, by dotted label. */
  notPerformed: string[];
}

/** Assure's flattened breakdowns, in the contract's order. */
const FLAT_BREAKDOWNS = ["imageIntegrity", "visualAuthenticity", "dataValidation", "dataConsistency", "dataComparison", "compromisedDocument", "policeRecord", "ageValidation"] as const;

function subPhrase(node: TreeNode): string {
  const reasons = node.reasons.filter((r) => r.flagged).map((r) => r.key);
  const result = node.result === "consider" ? "" : ` ${node.result}`;
  return reasons.length > 0 ? `${node.label}${result}: ${reasons.join(", ")}` : `${node.label}${result}`;
}

function breakdownPhrase(node: TreeNode): string {
  const subs = node.children.filter((child) => child.tone === "flagged").map(subPhrase);
  return subs.length > 0 ? `${node.label} ${node.result} (${subs.join("; ")})` : `${node.label} ${node.result}`;
}

function fromReport(report: OnfidoReport): DocumentFindings {
  const tree = buildReportTree(report);
  // A breakdown counts as flagged when it says so or when one of its sub-breakdowns does (lib/onfido/README.md).
  const flagged = tree.breakdowns.filter((b) => b.tone === "flagged" || b.children.some((c) => c.tone === "flagged"));
  const notPerformed = tree.breakdowns.flatMap((b) =>
    b.children.length > 0
      ? b.children.filter((c) => c.tone === "not-performed").map((c) => `${b.label}: ${c.label}`)
      : b.tone === "not-performed" ? [b.label] : [],
  );
  return { source: "report", result: report.result, subResult: report.sub_result, flagged: flagged.map(breakdownPhrase), notPerformed };
}

function fromProviderSpecific(dv: Record<string, unknown>): DocumentFindings {
  // Anything present that is not clear counts, including values the contract does not list.
  const flagged = FLAT_BREAKDOWNS.filter((key) => dv[key] != null && toneOf(dv[key]) !== "clear");
  const notPerformed = FLAT_BREAKDOWNS.filter((key) => dv[key] === null).map(humanize);
  const groups = new Map<string, string[]>();
  for (const key of flagged) groups.set(String(dv[key]), [...(groups.get(String(dv[key])) ?? []), humanize(key)]);
  // "visual authenticity and data consistency were consider"
  const phrases = [...groups].map(([value, names]) => `${joinWords(names)} ${names.length > 1 ? "were" : "was"} ${value}`);
  return { source: "provider-specific", result: dv.result, subResult: dv.subResult, flagged: phrases, notPerformed };
}

export function documentFindings(report: OnfidoReport | null | undefined, documentVerification: unknown): DocumentFindings {
  if (report) return fromReport(report);
  if (typeof documentVerification === "object" && documentVerification !== null && Object.keys(documentVerification).length > 0) {
    return fromProviderSpecific(documentVerification as Record<string, unknown>);
  }
  return { source: "none", result: undefined, subResult: undefined, flagged: [], notPerformed: [] };
}
