/** The simulator's environment variables, read with zod so that a wrong value stops it with a clear message. */
import { z } from "zod";
import type { SimulatorOptions } from "./server";

const int = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number);

const EnvSchema = z.object({
  SIMULATOR_PORT: int("SIMULATOR_PORT").pipe(z.number().max(65_535, "SIMULATOR_PORT must be at most 65535")).default(4010),
  SIMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  SIMULATOR_CLIENT_ID: z.string().min(1).optional(),
  SIMULATOR_CLIENT_SECRET: z.string().min(1).optional(),
  SIMULATOR_TOKEN_EXPIRES_IN: int("SIMULATOR_TOKEN_EXPIRES_IN").optional(),
  /** `1000-2000` or `1500`. */
  SIMULATOR_FINAL_DELAY_MS: z
    .string()
    .regex(/^\d+(-\d+)?$/, "SIMULATOR_FINAL_DELAY_MS must look like 1000-2000 or 1500")
    .transform((v) => {
      const [min = 0, max = min] = v.split("-").map(Number);
      return { min, max };
    })
    .optional(),
  SIMULATOR_SEED: int("SIMULATOR_SEED").optional(),
  SIMULATOR_DEFAULT_SCENARIO: z.string().min(1).optional(),
  SIMULATOR_NOTIFICATION_FORM: z.enum(["assure", "events"]).optional(),
  SIMULATOR_NOTIFICATION_URL: z.url().optional(),
  SIMULATOR_NOTIFICATION_AUTHORIZATION: z.string().optional(),
  SIMULATOR_IMAGE_WIDTH: int("SIMULATOR_IMAGE_WIDTH").optional(),
  SIMULATOR_IMAGE_TARGET_BYTES: int("SIMULATOR_IMAGE_TARGET_BYTES").optional(),
  /** Processes to create at start (a seeded bulk run), so that a demo has something to show. */
  SIMULATOR_BULK_COUNT: int("SIMULATOR_BULK_COUNT").default(0),
  SIMULATOR_BULK_SEED: int("SIMULATOR_BULK_SEED").default(1),
});

export type SimulatorEnv = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function readEnv(env: Record<string, string | undefined>): { options: SimulatorOptions; bulk: { count: number; seed: number } } {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("SIMULATOR_") && v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid simulator environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const options: SimulatorOptions = {
    port: e.SIMULATOR_PORT,
    host: e.SIMULATOR_HOST,
    clientId: e.SIMULATOR_CLIENT_ID,
    clientSecret: e.SIMULATOR_CLIENT_SECRET,
    tokenExpiresIn: e.SIMULATOR_TOKEN_EXPIRES_IN,
    finalDelayMs: e.SIMULATOR_FINAL_DELAY_MS,
    seed: e.SIMULATOR_SEED,
    defaultScenario: e.SIMULATOR_DEFAULT_SCENARIO,
    notificationForm: e.SIMULATOR_NOTIFICATION_FORM,
    bulkNotification: { url: e.SIMULATOR_NOTIFICATION_URL, authorizationHeader: e.SIMULATOR_NOTIFICATION_AUTHORIZATION },
    image: { width: e.SIMULATOR_IMAGE_WIDTH, targetBytes: e.SIMULATOR_IMAGE_TARGET_BYTES },
  };
  return { options, bulk: { count: e.SIMULATOR_BULK_COUNT, seed: e.SIMULATOR_BULK_SEED } };
}
