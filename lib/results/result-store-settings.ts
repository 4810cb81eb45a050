import path from "node:path";
import { getEnv, type Env } from "../config";

export const RESULT_STORAGES = ["postgres", "filesystem"] as const;
export type ResultStorage = (typeof RESULT_STORAGES)[number];

export interface ResultStoreSettings {
  /** Where new zips are written. Reads follow each row's own `storage`, so both kinds may coexist. */
  kind: ResultStorage;
  /** The filesystem store's folder (absolute). */
  dir: string;
}

/**
 * The filesystem by default with the embedded database (reading 20 MB of bytea through PGlite costs a
 * second and a half per view); PostgreSQL with a server, where every instance already shares the database.
 */
export function resultStoreSettingsFromEnv(env: Pick<Env, "RESULT_STORE" | "RESULT_DIR" | "DATABASE_URL" | "DATA_DIR">): ResultStoreSettings {
  return {
    kind: env.RESULT_STORE ?? (env.DATABASE_URL ? "postgres" : "filesystem"),
    // A folder chosen at run time: without the comment, Turbopack traces the whole project into the build.
    dir: path.resolve(/* turbopackIgnore: true */ env.RESULT_DIR ?? path.join(env.DATA_DIR, "results")),
  };
}

let configured: ResultStoreSettings | undefined;

/** This process's settings: from the environment, unless a script or a test set them. */
export function configuredResultStore(): ResultStoreSettings {
  configured ??= resultStoreSettingsFromEnv(getEnv());
  return configured;
}

export function configureResultStore(settings: ResultStoreSettings): void {
  configured = { ...settings, dir: path.resolve(settings.dir) };
}
