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
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(100)).default(10),
  DEMO_DATA: optional(z.enum(["auto", "on", "off"])).default("auto"),

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
  if (env.NODE_ENV === "production" && env.ASSURE_BASE_URL && env.ASSURE_SIMULATOR === "0" && !env.ASSURE_WEBHOOK_SECRET) {
    problems.push("ASSURE_WEBHOOK_SECRET: required when talking to the real Assure API");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return env;
}
