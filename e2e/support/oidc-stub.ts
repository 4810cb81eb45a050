import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/**
 * A small OpenID Connect provider for the browser tests: discovery, an authorize endpoint that approves at
 * once, the token endpoint (client secret, PKCE), RS256-signed ID tokens, the JWKS and userinfo. Who signs
 * in next is set by the test: `POST /stub/next-identity` with the claims (`sub`, `email`, `name`, and any
 * role claim). No dependencies: node:http and node:crypto.
 */

export interface OidcStubOptions {
  port: number;
  clientId: string;
  clientSecret: string;
}

export interface OidcStub {
  issuer: string;
  close(): Promise<void>;
}

type Claims = Record<string, unknown> & { sub: string };

interface PendingCode {
  claims: Claims;
  clientId: string;
  redirectUri: string;
  nonce: string | null;
  codeChallenge: string | null;
  expiresAt: number;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startOidcStub(options: OidcStubOptions): Promise<OidcStub> {
  // 127.0.0.1, not localhost: Node and Chromium may try ::1 first, where nothing listens.
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = base64url(randomBytes(8));
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, Claims>();
  let nextIdentity: Claims | null = null;

  function idToken(claims: Claims, nonce: string | null): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
    const payload = base64url(JSON.stringify({ ...claims, iss: issuer, aud: options.clientId, iat: now, exp: now + 300, ...(nonce ? { nonce } : {}) }));
    const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey);
    return `${header}.${payload}.${base64url(signature)}`;
  }

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  /** client_secret_basic (openid-client's default) or client_secret_post. */
  function clientOf(req: IncomingMessage, form: URLSearchParams): { id: string | null; secret: string | null } {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
    if (basic) {
      const [id, secret] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":").map(decodeURIComponent);
      return { id: id ?? null, secret: secret ?? null };
    }
    return { id: form.get("client_id"), secret: form.get("client_secret") };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
    if (url.pathname === "/stub/next-identity" && req.method === "POST") {
      const claims = JSON.parse(await readBody(req)) as Claims;
      if (typeof claims.sub !== "string") return json(res, 400, { error: "sub is required" });
      nextIdentity = claims;
      return json(res, 200, { ok: true });
    }
    if (url.pathname === "/authorize") {
      const q = url.searchParams;
      const redirectUri = q.get("redirect_uri");
      if (q.get("client_id") !== options.clientId || !redirectUri) return json(res, 400, { error: "invalid_request" });
      if (!nextIdentity) return json(res, 400, { error: "the test set no identity (POST /stub/next-identity)" });
      const code = base64url(randomBytes(24));
      codes.set(code, {
        claims: nextIdentity,
        clientId: options.clientId,
        redirectUri,
        nonce: q.get("nonce"),
        codeChallenge: q.get("code_challenge"),
        expiresAt: Date.now() + 60_000,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      const state = q.get("state");
      if (state) back.searchParams.set("state", state);
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(await readBody(req));
      const client = clientOf(req, form);
      if (client.id !== options.clientId || client.secret !== options.clientSecret) return json(res, 401, { error: "invalid_client" });
      const pending = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (!pending || pending.expiresAt < Date.now() || pending.redirectUri !== form.get("redirect_uri")) {
        return json(res, 400, { error: "invalid_grant" });
      }
      if (pending.codeChallenge) {
        const verifier = form.get("code_verifier") ?? "";
        if (base64url(createHash("sha256").update(verifier).digest()) !== pending.codeChallenge) return json(res, 400, { error: "invalid_grant", error_description: "PKCE" });
      }
      const accessToken = base64url(randomBytes(24));
      accessTokens.set(accessToken, pending.claims);
      return json(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, scope: "openid email profile", id_token: idToken(pending.claims, pending.nonce) });
    }
    if (url.pathname === "/userinfo") {
      const claims = accessTokens.get(/^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "");
      return claims ? json(res, 200, claims) : json(res, 401, { error: "invalid_token" });
    }
    return json(res, 404, { error: "not found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The stub's address for the shared e2e desk: beside its port (the process-page journey takes PORT + 1), or
 * `E2E_OIDC_PORT` when desks of neighbouring ports run side by side (3112's stub would take 3114's desk port).
 */
export function e2eOidcPort(deskPort: number): number {
  return Number(process.env.E2E_OIDC_PORT) || deskPort + 2;
}

/** The client the e2e desk is registered as (its secret is in E2E_SECRETS), and the claim holding the role. */
export const E2E_OIDC = { clientId: "desk-e2e", roleClaim: "desk_role" } as const;

export function e2eOidcIssuer(deskPort: number): string {
  return `http://127.0.0.1:${e2eOidcPort(deskPort)}`;
}

/** Tells the stub who signs in next (the test side of `POST /stub/next-identity`). */
export async function setNextIdentity(issuer: string, claims: Claims): Promise<void> {
  const response = await fetch(`${issuer}/stub/next-identity`, { method: "POST", body: JSON.stringify(claims) });
  if (!response.ok) throw new Error(`the OIDC stub refused the identity: ${response.status}`);
}
