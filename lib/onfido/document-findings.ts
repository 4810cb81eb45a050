import { checkName, findingPhrase, joinAnd, joinPhrases, type FindingArg } from "./finding-phrases";
import { toneOf } from "./labels";
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
  /** One phrase per flagged breakdown: "image integrity consider (image quality: blurred_photo)" (finding-phrases.ts). */
  flagged: FindingArg[];
  /** Sub-checks Onfido did not perform: "data validation: mrz". */
  notPerformed: FindingArg[];
}

/** Assure's flattened breakdowns, in the contract's order. */
const FLAT_BREAKDOWNS = ["imageIntegrity", "visualAuthenticity", "dataValidation", "dataConsistency", "dataComparison", "compromisedDocument", "policeRecord", "ageValidation"] as const;

/** A flagged sub-breakdown: its name, its result when not `consider`, and the reasons Onfido gave. */
function subPhrase(node: TreeNode): FindingArg {
  const name = checkName(node.key);
  const reasons = node.reasons.filter((r) => r.flagged).map((r) => r.key);
  const considered = node.result === "consider";
  if (reasons.length === 0) return considered ? name : findingPhrase("finding.check", { name, result: node.result });
  const listed = joinPhrases(reasons);
  return considered ? findingPhrase("finding.subReasons", { name, reasons: listed }) : findingPhrase("finding.checkReasons", { name, result: node.result, reasons: listed });
}

function breakdownPhrase(node: TreeNode): FindingArg {
  const name = checkName(node.key);
  const subs = node.children.filter((child) => child.tone === "flagged").map(subPhrase);
  if (subs.length === 0) return findingPhrase("finding.check", { name, result: node.result });
  return findingPhrase("finding.checkWithSubs", { name, result: node.result, subs: joinPhrases(subs, "join.semicolon") });
}

function fromReport(report: OnfidoReport): DocumentFindings {
  const tree = buildReportTree(report);
  // A breakdown counts as flagged when it says so or when one of its sub-breakdowns does (lib/onfido/README.md).
  const flagged = tree.breakdowns.filter((b) => b.tone === "flagged" || b.children.some((c) => c.tone === "flagged"));
  const notPerformed = tree.breakdowns.flatMap((b) =>
    b.children.length > 0
      ? b.children.filter((c) => c.tone === "not-performed").map((c) => findingPhrase("finding.subOf", { parent: checkName(b.key), name: checkName(c.key) }))
      : b.tone === "not-performed" ? [checkName(b.key)] : [],
  );
  return { source: "report", result: report.result, subResult: report.sub_result, flagged: flagged.map(breakdownPhrase), notPerformed };
}

function fromProviderSpecific(dv: Record<string, unknown>): DocumentFindings {
  // Anything present that is not clear counts, including values the contract does not list.
  const flagged = FLAT_BREAKDOWNS.filter((key) => dv[key] != null && toneOf(dv[key]) !== "clear");
  const notPerformed = FLAT_BREAKDOWNS.filter((key) => dv[key] === null).map(checkName);
  const groups = new Map<string, FindingArg[]>();
  for (const key of flagged) groups.set(String(dv[key]), [...(groups.get(String(dv[key])) ?? []), checkName(key)]);
  // "visual authenticity and data consistency were consider"
  const phrases = [...groups].map(([value, names]) => findingPhrase(names.length > 1 ? "finding.summaryMany" : "finding.summaryOne", { names: joinAnd(names), value }));
  return { source: "provider-specific", result: dv.result, subResult: dv.subResult, flagged: phrases, notPerformed };
}

export function documentFindings(report: OnfidoReport | null | undefined, documentVerification: unknown): DocumentFindings {
  if (report) return fromReport(report);
  if (typeof documentVerification === "object" && documentVerification !== null && Object.keys(documentVerification).length > 0) {
    return fromProviderSpecific(documentVerification as Record<string, unknown>);
  }
  return { source: "none", result: undefined, subResult: undefined, flagged: [], notPerformed: [] };
}
