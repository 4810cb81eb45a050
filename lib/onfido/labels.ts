/** Onfido's snake_case keys as words: `image_integrity` → "image integrity". Unknown keys read the same way. */
export function humanize(key: string): string {
  const words = key.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().trim();
  return words || key;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A result as a reviewer reads it. `null` means Onfido did not perform the check. */
export type Tone = "clear" | "flagged" | "not-performed" | "unknown";

export function toneOf(result: unknown): Tone {
  if (result === null) return "not-performed";
  if (result === "clear") return "clear";
  if (result === "consider" || result === "unidentified" || result === "rejected" || result === "suspected" || result === "caution") return "flagged";
  return "unknown";
}

export function resultText(result: unknown): string {
  if (result === null) return "not performed";
  if (result === undefined) return "absent";
  return typeof result === "string" ? result : JSON.stringify(result);
}

/** Any value as one line of text, for property lists and side-by-side tables. */
export function valueText(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "absent";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
