import securityHeaders from "./security-headers.json";

/**
 * Strict-Transport-Security on every answer: browsers obey it only when it comes over https (and ignore
 * it over plain http, RFC 6797 §8.1), so sending it always puts it on every https answer without the
 * desk having to know how a proxy in front of it reached it. One year; no `includeSubDomains`, since the
 * desk may share its parent domain with sites that are not ours to pin. The value is the one in
 * security-headers.json, which next.config.js puts on every answer.
 */
export const STRICT_TRANSPORT_SECURITY = (() => {
  const header = securityHeaders.find((h) => h.key === "Strict-Transport-Security");
  if (!header) throw new Error("security-headers.json has no Strict-Transport-Security");
  return { key: header.key, value: header.value };
})();
