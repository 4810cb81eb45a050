/**
 * The check's `results_uri`, kept only when it points at Onfido's own dashboard. The zip comes from Assure
 * and is not ours: a link in it must not send an officer to a look-alike page that asks for their
 * Onfido password. Parsed, not prefix-matched: `https://dashboard.onfido.com.evil.example/` and
 * `https://dashboard.onfido.com@evil.example/` both start like the real thing.
 */
const ONFIDO_DOMAIN = "onfido.com";

export function onfidoDashboardLink(value: unknown): string | null {
  if (typeof value !== "string") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return null;
  // Onfido's regions (EU, US, CA) each have a dashboard under onfido.com.
  const host = url.hostname.toLowerCase();
  if (host !== ONFIDO_DOMAIN && !host.endsWith(`.${ONFIDO_DOMAIN}`)) return null;
  return url.toString();
}
