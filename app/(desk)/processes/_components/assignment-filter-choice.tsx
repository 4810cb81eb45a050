"use client";

import { ASSIGNMENT_FILTERS, type AssignmentFilter } from "@/lib/lists/list-values";

interface AssignmentFilterChoiceProps {
  selected: AssignmentFilter | null;
  onChange: (assigned: AssignmentFilter | null) => void;
}

const LABELS: Record<AssignmentFilter, { label: string; hint: string }> = {
  mine: { label: "My queue", hint: "assigned to you, not yet decided" },
  decided: { label: "Decided", hint: "your work with a final decision" },
  unassigned: { label: "Unassigned", hint: "inconclusive or rejected, no final decision, nobody assigned" },
};

/** Compliance's way into its work: everything, what they have taken, what they have decided, or what nobody has taken yet. */
export function AssignmentFilterChoice({ selected, onChange }: AssignmentFilterChoiceProps) {
  const choices = [{ value: null, label: "All processes", hint: null }, ...ASSIGNMENT_FILTERS.map((value) => ({ value, ...LABELS[value] }))];
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Assignment</legend>
      {choices.map((choice) => (
        <label key={choice.value ?? "all"} className="inline-flex items-center gap-1.5 text-sm">
          <input
            type="radio"
            name="assigned"
            value={choice.value ?? ""}
            checked={selected === choice.value}
            onChange={() => onChange(choice.value)}
            className="size-4 accent-slate-900"
          />
          {choice.label}
          {choice.hint && <span className="text-xs text-slate-600">({choice.hint})</span>}
        </label>
      ))}
    </fieldset>
  );
}
