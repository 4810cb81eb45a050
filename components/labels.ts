import type { StatusCount } from "@/lib/processes/status-counts-types";
import type messages from "@/messages/en.json";

/** The messages a namespace holds, for client components that take them as props (the `Labels` words and others). */
export type Messages = typeof messages;
export type LabelMessages = Messages["Labels"];

/** A label for one of Assure's values, or the value itself when the desk has no words for it. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string | null {
  if (!value) return null;
  return labels[value] ?? value;
}

/** "1,234" (or "1 234"), or "5,000+" when counting stopped at the cap. */
export function formatCount(count: StatusCount, locale = "en-GB"): string {
  return `${new Intl.NumberFormat(locale).format(count.count)}${count.capped ? "+" : ""}`;
}
