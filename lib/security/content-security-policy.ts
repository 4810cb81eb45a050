/**
 * The desk's content security policy: scripts only from this origin with this response's nonce (Next.js
 * puts the nonce on its own scripts), no framing by anyone, no plugins, forms and links back only here.
 * Styles allow inline attributes: the image viewer rotates and zooms with a style transform.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
