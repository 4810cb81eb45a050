export function formatDuration(seconds: number | null): string {
  if (seconds == null || !Number.isFinite(seconds)) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatRate(perSecond: number | null): string {
  if (perSecond == null) return "—";
  return `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} dossiers/s`;
}

export const count = (n: number | null | undefined) => (n == null ? "—" : n.toLocaleString("en-GB"));
