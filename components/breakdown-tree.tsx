import { useTranslations } from "next-intl";
import type { ReportTree, TreeNode } from "@/lib/onfido/report-tree";
import { BreakdownTreeView, type BreakdownTreeWords } from "./breakdown-tree-view";

interface BreakdownTreeProps {
  tree: ReportTree;
}

function allNodes(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

/**
 * An Onfido report's breakdowns as an expandable tree (breakdown-tree-view.tsx), its words and the explanation
 * beside each breakdown, sub-breakdown and reason translated here, on the server: Onfido's keys and values
 * stay as Onfido sent them.
 */
export function BreakdownTree({ tree }: BreakdownTreeProps) {
  const t = useTranslations("BreakdownTree");
  const onfido = useTranslations("Onfido");
  const explain = (key: string | null) => (key ? onfido(key as Parameters<typeof onfido>[0]) : undefined);
  const nodes = allNodes(tree.breakdowns);
  const explanations = Object.fromEntries(nodes.flatMap((node) => (node.explain ? [[node.id, explain(node.explain)!]] : [])));
  const reasonExplanations = Object.fromEntries(nodes.flatMap((node) => node.reasons.flatMap((r) => (r.explain ? [[r.key, explain(r.explain)!]] : []))));
  const words: BreakdownTreeWords = {
    result: t("result"),
    subResult: t("subResult"),
    status: t("status"),
    expandAll: t("expandAll"),
    collapseAll: t("collapseAll"),
    breakdowns: t("breakdowns", { report: tree.name }),
    // Filled in by the view, per node.
    flaggedOf: t.raw("flaggedOf") as string,
    reasons: t.raw("reasons") as string,
    properties: t.raw("properties") as string,
    otherFields: t.raw("otherFields") as string,
    reportProperties: t("reportProperties", { count: tree.properties.length }),
    notClear: t("notClear"),
    notPerformed: t("notPerformed"),
    absent: t("absent"),
  };
  return <BreakdownTreeView tree={tree} words={words} explanations={explanations} reasonExplanations={reasonExplanations} />;
}
