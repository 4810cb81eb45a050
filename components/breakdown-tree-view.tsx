"use client";

import { useId, useState } from "react";
import type { ReportTree, TreeEntry, TreeNode } from "@/lib/onfido/report-tree";
import { fillMessage } from "./fill-message";
import { Pill } from "./result-pill";

/** The tree's words, translated by the server (breakdown-tree.tsx); `{name}` and counts are filled in here. */
export interface BreakdownTreeWords {
  result: string;
  subResult: string;
  status: string;
  expandAll: string;
  collapseAll: string;
  /** The list's name: "document breakdowns". */
  breakdowns: string;
  /** "{flagged} of {total} flagged". */
  flaggedOf: string;
  /** "{name}: reasons", "{name}: properties", "{name}: other fields". */
  reasons: string;
  properties: string;
  otherFields: string;
  /** "Properties extracted by Onfido (12)". */
  reportProperties: string;
  notClear: string;
  notPerformed: string;
  absent: string;
}

interface BreakdownTreeViewProps {
  tree: ReportTree;
  words: BreakdownTreeWords;
  /** The sentence beside each breakdown and sub-breakdown the desk explains, by node id, in the page's language. */
  explanations: Record<string, string>;
  /** The same for the reasons Onfido gave, by reason. */
  reasonExplanations: Record<string, string>;
}

/** A record's own value: a key Onfido made up (`constructor` too) has no explanation. */
const own = (record: Record<string, string>, key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);

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

interface EntryRow extends TreeEntry {
  explanation?: string;
}

/** Onfido's keys as Onfido wrote them, each with its value (and, for a reason the desk knows, what it means). */
function Entries({ entries, label }: { entries: EntryRow[]; label: string }) {
  if (entries.length === 0) return null;
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-3 gap-y-0.5 text-xs">
      {entries.map((entry) => (
        <div key={entry.key} className="contents">
          <dt className="text-slate-600">
            <span className="font-mono">{entry.key}</span>
            {entry.explanation && <span className="block text-slate-600">{entry.explanation}</span>}
          </dt>
          <dd className="break-all font-mono text-slate-900">{entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface RowProps extends Omit<BreakdownTreeViewProps, "tree"> {
  node: TreeNode;
  depth: number;
  open: Set<string>;
  toggle: (id: string) => void;
}

function resultText(node: TreeNode, words: BreakdownTreeWords): string {
  if (node.tone === "not-performed") return words.notPerformed;
  return node.resultAbsent ? words.absent : node.result;
}

function Row({ node, depth, open, toggle, words, explanations, reasonExplanations }: RowProps) {
  const regionId = useId();
  const explanationId = useId();
  const flaggedReasons = node.reasons.filter((r) => r.flagged);
  const hasDetails = node.children.length > 0 || node.properties.length > 0 || node.extra.length > 0 || node.reasons.length > 0;
  const expanded = open.has(node.id);
  const flaggedChildren = node.children.filter((c) => c.tone === "flagged").length;
  const explanation = own(explanations, node.id);
  const name = <span className={`font-mono ${depth === 0 ? "font-medium" : ""}`}>{node.key}</span>;
  return (
    <li className={depth === 0 ? "border-b border-slate-100 last:border-b-0" : undefined}>
      <div className={`flex flex-wrap items-center gap-x-2 gap-y-0.5 py-1.5 ${depth === 0 ? "pl-1" : "pl-7"}`}>
        {hasDetails ? (
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={regionId}
            aria-describedby={explanation ? explanationId : undefined}
            onClick={() => toggle(node.id)}
            className="flex items-center gap-1.5 rounded text-left text-sm hover:text-sky-800"
          >
            <span aria-hidden="true" className={`inline-block w-3 text-slate-500 transition-transform ${expanded ? "rotate-90" : ""}`}>
              ▶
            </span>
            {name}
          </button>
        ) : (
          <span className="flex items-center gap-1.5 text-sm">
            <span aria-hidden="true" className="inline-block w-3" />
            {name}
          </span>
        )}
        <Pill text={resultText(node, words)} tone={node.tone} notClear={words.notClear} />
        {flaggedReasons.map((reason) => (
          <span key={reason.key} className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-xs text-amber-950 ring-1 ring-amber-300">
            {reason.key}
          </span>
        ))}
        {depth === 0 && flaggedChildren > 0 && !expanded && (
          <span className="text-xs text-slate-600">{fillMessage(words.flaggedOf, { flagged: flaggedChildren, total: node.children.length })}</span>
        )}
        {explanation && (
          <span id={explanationId} className="basis-full pl-[1.125rem] text-xs text-slate-600">
            {explanation}
          </span>
        )}
      </div>
      {hasDetails && (
        <div id={regionId} hidden={!expanded} className={`flex flex-col gap-1 pb-2 ${depth === 0 ? "pl-5" : "pl-12"}`}>
          <Entries
            entries={node.reasons.map((r) => ({ key: r.key, label: r.label, value: r.value, explanation: own(reasonExplanations, r.key) }))}
            label={fillMessage(words.reasons, { name: node.key })}
          />
          <Entries entries={node.properties} label={fillMessage(words.properties, { name: node.key })} />
          <Entries entries={node.extra} label={fillMessage(words.otherFields, { name: node.key })} />
          {node.children.length > 0 && (
            <ul>
              {node.children.map((child) => (
                <Row
                  key={child.id}
                  node={child}
                  depth={depth + 1}
                  open={open}
                  toggle={toggle}
                  words={words}
                  explanations={explanations}
                  reasonExplanations={reasonExplanations}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}

/** An Onfido report's breakdowns as an expandable tree; every row is a button with aria-expanded. */
export function BreakdownTreeView({ tree, words, explanations, reasonExplanations }: BreakdownTreeViewProps) {
  const [open, setOpen] = useState(() => initiallyOpen(tree));
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const subResultTone = tree.subResult === "clear" ? "clear" : tree.subResult === "not performed" ? "not-performed" : "flagged";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-700">{words.result}</span>
        <Pill text={tree.resultTone === "not-performed" ? words.notPerformed : tree.result} tone={tree.resultTone} notClear={words.notClear} />
        {tree.subResult !== null && (
          <>
            <span className="text-slate-700">{words.subResult}</span>
            <Pill text={subResultTone === "not-performed" ? words.notPerformed : tree.subResult} tone={subResultTone} notClear={words.notClear} />
          </>
        )}
        <span className="text-slate-600">
          {words.status} <span className="font-mono">{tree.status}</span>
        </span>
        <span className="ml-auto flex gap-2">
          <button type="button" onClick={() => setOpen(new Set(allIds(tree.breakdowns)))} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100">
            {words.expandAll}
          </button>
          <button type="button" onClick={() => setOpen(new Set())} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-100">
            {words.collapseAll}
          </button>
        </span>
      </div>
      <ul aria-label={words.breakdowns}>
        {tree.breakdowns.map((node) => (
          <Row key={node.id} node={node} depth={0} open={open} toggle={toggle} words={words} explanations={explanations} reasonExplanations={reasonExplanations} />
        ))}
      </ul>
      {tree.properties.length > 0 && (
        <details className="rounded border border-slate-200 px-2 py-1">
          <summary className="cursor-pointer text-sm text-slate-800">{words.reportProperties}</summary>
          <div className="py-1">
            <Entries entries={tree.properties} label={fillMessage(words.properties, { name: tree.name })} />
          </div>
        </details>
      )}
      <Entries entries={tree.extra} label={fillMessage(words.otherFields, { name: tree.name })} />
    </div>
  );
}
