const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Times are shown in UTC, as Assure gives them, so that two reviewers read the same time. */
export function formatDateTime(value: Date): string {
  return `${dateTime.format(value)} UTC`;
}

export function formatName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter(Boolean).join(" ");
  return name || null;
}

const dateTimeSeconds = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** "1 Dec 2026, 18:07:31 UTC": where the second matters (the audit log). */
export function formatDateTimeSeconds(value: Date): string {
  return `${dateTimeSeconds.format(value)} UTC`;
}

/** "2026-12-01 18:07", in UTC: for table columns headed "(UTC)", where the long form does not fit. */
export function formatDateTimeShort(value: Date): string {
  return value.toISOString().slice(0, 16).replace("T", " ");
}
