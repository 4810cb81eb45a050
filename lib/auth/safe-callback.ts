const FALLBACK = "/processes";

/**
 * Where to go after signing in, from the untrusted `callbackUrl` of the sign-in page. Browsers resolve
 * some values that look like paths to another host (`/\evil.com`, `/<tab>/evil.com`), so the value is
 * resolved the way a browser does, against the desk's own origin, and kept only when it stays there.
 * The answer is a path that starts with exactly one slash, so that it cannot be read as `//host` again.
 */
export function safeCallback(value: unknown, deskOrigin: string): string {
  if (typeof value !== "string" || value === "") return FALLBACK;
  const origin = new URL(deskOrigin).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== origin) return FALLBACK;
  // `/.//evil.com` resolves to the path `//evil.com` on the desk: collapse the leading slashes.
  const path = `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
  return new URL(path, origin).origin === origin ? path : FALLBACK;
}
