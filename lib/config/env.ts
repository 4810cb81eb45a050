import { z } from "zod";

/**
 * Every environment variable the desk reads, validated once. `.env.example` documents the same list;
 * `lib/config/env.test.ts` keeps the two in step.
 */

const port = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const url = (protocols: readonly string[]) =>
  z.url({ error: "must be a URL" }).refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
    message: `must start with ${protocols.map((p) => `${p}://`).join(" or ")}`,
  });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: optional(port).default(3000),
  /** The address Assure posts notifications to; defaults to this machine. */
  PUBLIC_URL: optional(url(["http", "https"])),
  DATABASE_URL: optional(url(["postgres", "postgresql"])),
  DATA_DIR: optional(z.string()).default(".data"),
  /** Where full-result zips are kept; unset: `filesystem` with the embedded database, `postgres` with a server. */
  RESULT_STORE: optional(z.enum(["postgres", "filesystem"])),
  /** The filesystem store's folder; unset: `DATA_DIR/results`. */
  RESULT_DIR: optional(z.string().min(1)),
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(100)).default(10),
  DEMO_DATA: optional(z.enum(["auto", "on", "off"])).default("auto"),
  /** Demo mode only: one password for every demo user (the browser tests use it); unset: random ones. */
  DEMO_PASSWORD: optional(z.string().min(12, "must be at least 12 characters")),

  ASSURE_BASE_URL: optional(url(["http", "https"])),
  ASSURE_TOKEN_URL: optional(url(["http", "https"])),
  ASSURE_CLIENT_ID: optional(z.string().min(1)),
  ASSURE_CLIENT_SECRET: optional(z.string().min(1)),
  ASSURE_SCOPE: optional(z.string().min(1)).default("signicat-api"),
  ASSURE_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(120_000)).default(10_000),
  /** Set by `npm start` when it runs the bundled simulator; shown in the desk's header. */
  ASSURE_SIMULATOR: optional(z.enum(["0", "1"])).default("0"),
  ASSURE_WEBHOOK_SECRET: optional(z.string().min(16, "must be at least 16 characters")),

  /** 0 picks a free port (tests run several desks side by side). */
  SIMULATOR_PORT: optional(z.union([z.literal("0").transform(() => 0), port])).default(4010),
  SIMULATOR_CLIENT_ID: optional(z.string().min(1)).default("desk-demo-client"),
  SIMULATOR_CLIENT_SECRET: optional(z.string().min(1)).default("desk-demo-secret"),

  /** 1: each desk server also sweeps the webhook inbox and stale processes; 0: leave it to `npm run worker`. */
  WORKER_IN_PROCESS: optional(z.enum(["0", "1"])).default("1"),
  WORKER_INTERVAL_MS: optional(z.coerce.number().int().min(100).max(3_600_000)).default(5_000),
  /** Done webhook-inbox rows are deleted this many days after they arrived; 0 keeps them for ever. */
  INBOX_RETENTION_DAYS: optional(z.coerce.number().int().min(0).max(3_650)).default(30),
  /** Final dossiers inactive this many days lose their personal data (0: at the next run); unset: kept for ever. */
  RETENTION_DAYS: optional(z.coerce.number().int().min(0).max(36_500)),
  /** A full sync with Assure every this many minutes (by whichever worker looks first); unset: only from the admin screen. */
  SYNC_INTERVAL_MINUTES: optional(z.coerce.number().int().min(1).max(43_200)),

  /** Signs session cookies (next-auth). npm start makes one for the demo; set it in production. */
  NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** The desk's address as the browser sees it (next-auth's callbacks). Default: PUBLIC_URL. */
  NEXTAUTH_URL: optional(url(["http", "https"])),
  /**
   * Proxies in front of the desk that append to X-Forwarded-For. 0: the socket's address is the client's
   * (forwarded headers are ignored, since any client can send them); N: the N-th entry from the right.
   */
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int("must be a whole number").min(0).max(10)).default(0),
  /** A session unused for this long ends. */
  SESSION_IDLE_MINUTES: optional(z.coerce.number().int().min(1).max(24 * 60)).default(30),
  /** A session ends this many hours after sign-in, however recently it was used. */
  SESSION_MAX_HOURS: optional(z.coerce.number().int().min(1).max(24 * 30)).default(12),
  /** Optional company SSO (OpenID Connect): all three or none. */
  OIDC_ISSUER: optional(url(["https", "http"])),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  /** The ID-token claim holding the desk role (support, compliance or admin); without it an admin sets the role. */
  OIDC_ROLE_CLAIM: optional(z.string().min(1)),
  /** Second compliance officer must confirm a review decision before it is final. */
  FOUR_EYES: optional(z.enum(["0", "1"])).default("0"),
  /** Retries allowed per failed process. */
  RETRY_CAP: optional(z.coerce.number().int().min(1).max(20)).default(3),

  LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error"])).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.ASSURE_BASE_URL && (!env.ASSURE_CLIENT_ID || !env.ASSURE_CLIENT_SECRET)) {
    problems.push("ASSURE_CLIENT_ID and ASSURE_CLIENT_SECRET: required when ASSURE_BASE_URL is set");
  }
  const realAssure = env.NODE_ENV === "production" && Boolean(env.ASSURE_BASE_URL) && env.ASSURE_SIMULATOR === "0";
  if (realAssure && !env.ASSURE_WEBHOOK_SECRET) {
    problems.push("ASSURE_WEBHOOK_SECRET: required when talking to the real Assure API");
  }
  // Outside demo mode the session cookie must be Secure, and next-auth makes it so only for an https address.
  if (realAssure && !(env.NEXTAUTH_URL ?? env.PUBLIC_URL)?.startsWith("https://")) {
    problems.push("NEXTAUTH_URL: must be an https:// address when talking to the real Assure API (or PUBLIC_URL, its default)");
  }
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc !== 0 && oidc !== 3) problems.push("OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three, or none");
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}
