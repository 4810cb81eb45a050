import pino, { type DestinationStream, type Logger as PinoLogger } from "pino";
import { currentRequestId } from "./request-context";

/**
 * The desk's server logs: pino, one JSON line per event, with secrets and personal data taken out before
 * anything is written. Keys that name credentials or identity fields are censored by pino's `redact` paths
 * (at any of the first three levels of a line); strings anywhere are scrubbed of what looks like a bearer
 * token, a basic-auth pair, a connection string's password, a data URL or a JWT, because those turn up
 * inside error messages and URLs under harmless keys. Each line written while a request is served carries
 * its `requestId` (see `request-context.ts`). `npm start` pretty-prints these lines in a terminal.
 */

type Level = "debug" | "info" | "warn" | "error";
const LEVELS: readonly Level[] = ["debug", "info", "warn", "error"];

/** The keys the redact paths censor; matched exactly, so list each spelling the code and Assure use. */
export const SENSITIVE_KEYS = [
  "password", "pass", "passwd", "newPassword", "passwordHash",
  "secret", "clientSecret", "client_secret", "webhookSecret",
  "token", "accessToken", "access_token", "refreshToken", "refresh_token", "idToken", "id_token",
  "authorization", "Authorization", "authorizationHeader", "cookie", "Cookie", "set-cookie",
  "session", "sessionToken", "apiKey", "api_key", "api-key",
  "firstName", "first_name", "lastName", "last_name", "name", "username", "fullName", "full_name", "givenName", "familyName",
  "dateOfBirth", "date_of_birth", "birthDate", "dob",
  "documentNumber", "document_number", "mrz",
  "email", "address", "addresses", "selfie", "image", "images", "portrait",
] as const;

const CENSOR = "[redacted]";

export const REDACT_PATHS: string[] = SENSITIVE_KEYS.flatMap((key) => {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (segment.startsWith("[") ? `${prefix}${segment}` : `${prefix}.${segment}`);
  return [segment.startsWith("[") ? segment : key, join("*"), join("*.*")];
});

export function redactString(value: string): string {
  return value
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]")
    .replace(/(\w+:\/\/[^:/\s]+:)[^@\s]+@/g, "$1[redacted]@")
    .replace(/data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g, "data:[redacted]")
    .replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, "[redacted jwt]")
    // drizzle's "Failed query: …\nparams: …" lists the statement's values: names, birth dates, document numbers.
    .replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]");
}

const SENSITIVE_KEY = new RegExp(`^(${SENSITIVE_KEYS.map((k) => k.replace(/[-]/g, "\\-")).join("|")})$`, "i");

/** Values scrubbed for writing; errors become their type and (scrubbed) message, never a stack (`name` is a censored key). */
function scrub(value: unknown, depth: number, keys: boolean): unknown {
  if (depth > 6) return "[deep]";
  if (typeof value === "string") return redactString(value);
  if (value instanceof Error) return { type: value.name, message: redactString(value.message) };
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => scrub(item, depth + 1, keys));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, keys && SENSITIVE_KEY.test(key) ? CENSOR : scrub(item, depth + 1, keys)]),
    );
  }
  return value;
}

/** Both rules at once, for callers that store or show a value outside the logger (kept from the old API). */
export function redact(value: unknown, depth = 0): unknown {
  return scrub(value, depth, true);
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function levelFromEnv(): Level {
  const wanted = process.env.LOG_LEVEL as Level | undefined;
  return wanted && LEVELS.includes(wanted) ? wanted : "info";
}

function createRoot(level: Level, destination?: DestinationStream): PinoLogger {
  return pino(
    {
      level,
      base: undefined,
      messageKey: "message",
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      formatters: {
        level: (label) => ({ level: label }),
        // Runs before the redact paths: it scrubs values, the paths censor keys.
        log: (fields) => scrub(fields, 0, false) as Record<string, unknown>,
      },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    // process.stdout rather than a raw fd: writes on Linux pipes and files are synchronous either way.
    destination ?? process.stdout,
  );
}

let shared: PinoLogger | undefined;

export function createLogger(scope: string, options: { level?: Level; write?: (line: string) => void } = {}): Logger {
  const custom = options.level !== undefined || options.write !== undefined;
  const root = custom
    ? createRoot(options.level ?? levelFromEnv(), options.write ? { write: options.write } : undefined)
    : (shared ??= createRoot(levelFromEnv()));
  const logger = root.child({ scope });
  const emit = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    logger[level](fields, redactString(message));
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
