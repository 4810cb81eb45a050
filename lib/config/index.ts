import { parseEnv, type Env } from "./env";

export { ConfigError, parseEnv, type Env } from "./env";

let cached: Env | undefined;

/** The validated configuration of this process, read from the environment once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
