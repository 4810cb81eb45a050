import type { QueueDecision } from "@/lib/processes/list-processes";

interface DecisionCellProps {
  decision: QueueDecision | null;
}

const WORDS: Record<QueueDecision["decision"], string> = { approve: "Approved", reject: "Rejected" };

/** The desk's review decision beside Assure's status: final, or waiting for a second officer. */
export function DecisionCell({ decision }: DecisionCellProps) {
  if (!decision) return <span className="text-slate-500">—</span>;
  const word = WORDS[decision.decision];
  if (decision.state === "awaiting_confirmation") return <span className="text-amber-800" title={`${word}, to be confirmed by a second officer`}>{word}, to confirm</span>;
  return <span className={decision.decision === "approve" ? "text-emerald-800" : "text-red-800"}>{word}</span>;
}
