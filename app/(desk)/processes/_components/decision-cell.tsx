import { fillMessage } from "@/components/fill-message";
import type { LabelMessages } from "@/components/labels";
import type { QueueDecision } from "@/lib/processes/list-processes";

interface DecisionCellProps {
  decision: QueueDecision | null;
  words: LabelMessages["decision"];
}

/** The desk's review decision beside Assure's status: final, or waiting for a second officer. */
export function DecisionCell({ decision, words }: DecisionCellProps) {
  if (!decision) return <span className="text-slate-500">—</span>;
  const word = words[decision.decision];
  if (decision.state === "awaiting_confirmation") {
    return <span className="text-amber-800" title={fillMessage(words.toConfirmTitle, { decision: word })}>{fillMessage(words.toConfirm, { decision: word })}</span>;
  }
  return <span className={decision.decision === "approve" ? "text-emerald-800" : "text-red-800"}>{word}</span>;
}
