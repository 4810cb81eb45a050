"use client";

import { useId, useState } from "react";
import type { ReportTree, TreeEntry, TreeNode } from "@/lib/onfido/report-tree";
import { ResultPill } from "./breakdown-tree-result";

interface BreakdownTreeProps {
  tree: ReportTree;
}

/** Flagged breakdowns start open: they are what the reviewer came for. */
function initiallyOpen(tree: ReportTree): Set<string> {
  const open = new Set<string>();
  for (const node of tree.breakdowns) {
    if (node.tone === "flagged" || node.children.some((c) => c.tone === "flagged")) open.add(node.id);
  }
  return open;
}

function allIds(nodes: TreeNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...allIds(node.children)]);
}

function Entries({ entries, label }: { entries: TreeEntry[]; label: string }) {
  if (entries.length === 0) return null;
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-3 gap-y-0.5 text-xs">
      {entries.map((entry) => (
        <div key={entry.key} className="contents">
          <dt className="text-slate-600">{entry.label}</dt>
          <dd className="break-all font-mono text-slate-900">{entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface RowProps {
  node: TreeNode;
  depth: number;
  open: Set<string>;
  toggle: (id: string) => void;
}

function Row({ node, depth, open, toggle }: RowProps) {
  const regionId = useId();
  const flaggedReasons = node.reasons.filter((r) => r.flagged);
  const hasDetails = node.children.length > 0 || node.properties.length > 0 || node.extra.length > 0 || node.reasons.length > 0;
  const expanded = open.has(node.id);
  const flaggedChildren = node.children.filter((c) => c.tone === "flagged").length;
  return (
    <li className={depth === 0 ? "border-b border-slate-100 last:border-b-0" : undefined}>
      <div className={`flex flex-wrap items-center gap-2 py-1.5 ${depth === 0 ? "pl-1" : "pl-7"}`}>
        {hasDetails ? (
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={regionId}
            onClick={() => toggle(node.id)}
            className="flex items-center gap-1.5 rounded text-left text-sm hover:text-sky-800"
          >
            <span aria-hidden="true" className={`inline-block w-3 text-slate-500 transition-transform ${expanded ? "rotate-90" : ""}`}>
              ▶
            </span>
            <span className={depth === 0 ? "font-medium" : undefined}>{node.label}</span>
          </button>
        ) : (
          <span className="flex items-center gap-1.5 text-sm">
            <span aria-hidden="true" className="inline-block w-3" />
            <span className={depth === 0 ? "font-medium" : undefined}>{node.label}</span>
          </span>
        )}
        <ResultPill text={node.result} tone={node.tone} />
        {flaggedReasons.map((reason) => (
          <span key={reason.key} className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-xs text-amber-950 ring-1 ring-amber-300">
            {reason.key}
          </span>
        ))}
        {depth === 0 && flaggedChildren > 0 && !expanded && (
          <span className="text-xs text-slate-600">
            {flaggedChildren} of {node.children.length} flagged
          </span>
        )}
      </div>
      {hasDetails && (
        <div id={regionId} hidden={!expanded} className={`flex flex-col gap-1 pb-2 ${depth === 0 ? "pl-5" : "pl-12"}`}>
          <Entries entries={node.reasons.map((r) => ({ key: r.key, label: r.label, value: r.value }))} label={`${node.label} reasons`} />
          <Entries entries={node.properties} label={`${node.label} properties`} />
          <Entries entries={node.extra} label={`${node.label} other fields`} />
          {node.children.length > 0 && (
            <ul>
              {node.children.map((child) => (
                <Row key={child.id} node={child} depth={depth + 1} open={open} toggle={toggle} />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

/** An Onfido report's breakdowns as an expandable tree; every row is a button with aria-expanded. */
export function BreakdownTree({ tree }: BreakdownTreeProps) {
  const [open, setOpen] = useState(() => initiallyOpen(tree));
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-700">Result</span>
        <ResultPill text={tree.result} tone={tree.resultTone} />
        {tree.subResult !== null && (
          <>
            <span className="text-slate-700">sub-result</span>
            <ResultPill text={tree.subResult} tone={tree.subResult === "clear" ? "clear" : tree.subResult === "not performed" ? "not-performed" : "flagged"} />
          </>
        )}
        <span className="text-slate-600">status {tree.status}</span>
        <span className="ml-auto flex gap-2">
          <button type="button" onClick={() => setOpen(new Set(allIds(tree.breakdowns)))} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100">
            Expand all
          </button>
          <button type="button" onClick={() => setOpen(new Set())} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100">
            Collapse all
          </button>
        </span>
      </div>
      <ul aria-label={`${tree.label} breakdowns`}>
        {tree.breakdowns.map((node) => (
          <Row key={node.id} node={node} depth={0} open={open} toggle={toggle} />
        ))}
      </ul>
      {tree.properties.length > 0 && (
        <details className="rounded border border-slate-200 px-2 py-1">
          <summary className="cursor-pointer text-sm text-slate-800">Properties extracted by Onfido ({tree.properties.length})</summary>
          <div className="py-1">
            <Entries entries={tree.properties} label={`${tree.label} properties`} />
          </div>
        </details>
      )}
      <Entries entries={tree.extra} label={`${tree.label}: other fields`} />
    </div>
  );
}
