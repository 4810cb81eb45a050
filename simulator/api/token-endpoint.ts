/**
 * `POST /auth/open/connect/token`: OAuth 2.0 client credentials with HTTP Basic client authentication.
 * Errors use RFC 6749's body (`{"error": "invalid_client"}`), not Assure's problem body.
 */
import { timingSafeEqual } from "node:crypto";
import { parseForm } from "../http/body";
import type { Reply, Route } from "../http/router";

const SCOPE = "signicat-api";

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  json: { error, error_description: description },
  headers: {
    "cache-control": "no-store",
    ...(status === 401 ? { "www-authenticate": 'Basic realm="signicat"' } : {}),
  },
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  // RFC 6749 2.3.1: both parts are form-encoded before they are joined.
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export const tokenRoute: Route = {
  method: "POST",
  pattern: /^\/auth\/open\/connect\/token$/,
  name: "token",
  auth: false,
  async handle(ctx) {
    const { config, tokens } = ctx.state;
    const credentials = basicCredentials(ctx.req.headers.authorization);
    if (!credentials || credentials.id !== config.clientId || !sameSecret(credentials.secret, config.clientSecret)) {
      return oauthError(401, "invalid_client", "Client authentication failed.");
    }
    const form = parseForm(await ctx.raw());
    const grantType = form.get("grant_type");
    if (!grantType) return oauthError(400, "invalid_request", "grant_type is required.");
    if (grantType !== "client_credentials") return oauthError(400, "unsupported_grant_type", `${grantType} is not supported.`);
    const scope = form.get("scope");
    if (scope && !scope.split(" ").includes(SCOPE)) return oauthError(400, "invalid_scope", `Only ${SCOPE} is offered.`);
    const expiresIn = config.tokenExpiresIn;
    return {
      status: 200,
      json: { access_token: tokens.issue(expiresIn, Date.now()), expires_in: expiresIn, token_type: "Bearer", scope: SCOPE },
      headers: { "cache-control": "no-store" },
    };
  },
};
