"use client";

import type { Messages } from "@/components/labels";
import { ASSIGNMENT_FILTERS, type AssignmentFilter } from "@/lib/lists/list-values";

interface AssignmentFilterChoiceProps {
  selected: AssignmentFilter | null;
  onChange: (assigned: AssignmentFilter | null) => void;
  words: Messages["Queue"]["filters"];
}


/** Compliance's way into its work: everything, what they have taken, what they have decided, or what nobody has taken yet. */
export function AssignmentFilterChoice({ selected, onChange, words }: AssignmentFilterChoiceProps) {
  const choices = [
    { value: null, label: words.allProcesses, hint: null },
    ...ASSIGNMENT_FILTERS.map((value) => ({ value, label: words[value], hint: words[`${value}Hint`] })),
  ];
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{words.assignment}</legend>
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
