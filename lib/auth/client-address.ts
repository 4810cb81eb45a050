import { isIP } from "node:net";

export type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/** Headers only a trusted proxy may set; with no trusted proxy the desk's proxy.ts removes them. */
export const FORWARDED_ADDRESS_HEADERS = ["x-forwarded-for", "x-real-ip"] as const;

/**
 * The request headers to pass on from proxy.ts. Next.js's server fills `X-Forwarded-For` with the
 * socket's address only when the header is absent, and passes on whatever a client sent: so, trusting
 * no proxy, the client's own value is dropped here and the server puts the socket's address in its place.
 */
export function withoutUntrustedForwarding(headers: Headers, trustedHops: number): Headers {
  const passed = new Headers(headers);
  if (trustedHops === 0) for (const name of FORWARDED_ADDRESS_HEADERS) passed.delete(name);
  return passed;
}

/**
 * The client's address: with `trustedHops` proxies in front, each appending the address it was reached
 * from, the entry that many from the right of `X-Forwarded-For` (entries further left are the client's
 * own say). With none, the one entry Next.js's server wrote, the socket's address. Null when unknown.
 */
export function clientAddress(headers: HeaderSource, trustedHops: number): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : [headers?.["x-forwarded-for"]].flat().join(",");
  const entries = (raw ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const chosen = entries[Math.max(0, entries.length - Math.max(1, trustedHops))]!;
  return normalizeAddress(chosen);
}

/** An IP address as a log and a throttle key want it: no port, no brackets, IPv4 not dressed as IPv6. */
function normalizeAddress(value: string): string | null {
  const bare = /^\[([^\]]+)\](?::\d+)?$/.exec(value)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value)?.[1] ?? value;
  const unmapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)?.[1] ?? bare;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}
