/**
 * Strict-Transport-Security on every answer: browsers obey it only when it comes over https (and ignore
 * it over plain http, RFC 6797 §8.1), so sending it always puts it on every https answer without the
 * desk having to know how a proxy in front of it reached it. One year; no `includeSubDomains`, since the
 * desk may share its parent domain with sites that are not ours to pin.
 */
export const STRICT_TRANSPORT_SECURITY = { key: "Strict-Transport-Security", value: "max-age=31536000" } as const;
