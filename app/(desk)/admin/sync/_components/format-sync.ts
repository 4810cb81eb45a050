/** What the sync page's numbers need of next-intl: the `Sync.units` messages and the locale's number format. */
export interface SyncWords {
  units: (key: "seconds" | "minutes" | "hours" | "rate", values: Record<string, number>) => string;
  number: (value: number) => string;
}

/** A duration as the page's language writes it (`42 s`, `3 min 5 s`, `1 h 2 min`), or "—" when unknown. */
export function formatDuration(seconds: number | null, { units }: SyncWords): string {
  if (seconds == null || !Number.isFinite(seconds)) return "—";
  const s = Math.round(seconds);
  if (s < 60) return units("seconds", { seconds: s });
  const m = Math.floor(s / 60);
  if (m < 60) return units("minutes", { minutes: m, seconds: s % 60 });
  return units("hours", { hours: Math.floor(m / 60), minutes: m % 60 });
}

/** Dossiers per second: whole from 10 up, one decimal below. */
export function formatRate(perSecond: number | null, { units }: SyncWords): string {
  if (perSecond == null) return "—";
  return units("rate", { rate: perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10 });
}

export const count = (n: number | null | undefined, { number }: SyncWords) => (n == null ? "—" : number(n));
