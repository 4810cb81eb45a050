import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { and, eq } from "drizzle-orm";
import { openDatabase, type Db } from "../db/client";
import { staffUsers } from "../db/schema";
import { createAssureClient } from "../lib/assure/client";
import type { Ctx } from "../lib/auth/context";
import { ConfigError, getEnv, type Env } from "../lib/config";
import { assureConfigFromEnv } from "../lib/config/assure";
import { DeskError } from "../lib/errors";
import { confirmErasure, requestErasure } from "../lib/retention/erase-dossier";

const USAGE = "usage: npm run erase -- --dossier ID [--dossier ID ...] --reason TEXT --by STAFF_EMAIL [--confirmed-by STAFF_EMAIL]";

/** The staff user who asks: they must exist, be active and hold the right (the verb checks the right). */
async function staffCtx(db: Db, email: string): Promise<Ctx> {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.email, email.trim().toLowerCase()), eq(staffUsers.active, true)));
  if (!user) throw new ConfigError([`No active staff user ${email}`]);
  return { db, user: { id: user.id, email: user.email, name: user.name, role: user.role }, address: "command line" };
}

/** Without ASSURE_BASE_URL the demo desk talks to its bundled simulator on SIMULATOR_PORT: so does this. */
function assureConfig(env: Env) {
  const configured = assureConfigFromEnv(env);
  if (configured) return configured;
  const url = `http://127.0.0.1:${env.SIMULATOR_PORT}`;
  return { baseUrl: `${url}/assure`, tokenUrl: `${url}/auth/open/connect/token`, clientId: env.SIMULATOR_CLIENT_ID, clientSecret: env.SIMULATOR_CLIENT_SECRET };
}

/**
 * `npm run erase`: erasure on request from the command line, for batches. The same verb as the dossier
 * page: the staff user must hold the right, a legal hold refuses, the dossier is purged and deleted at
 * Assure (a failure there is retried by the background sweep). With FOUR_EYES=1 a second person is named
 * with --confirmed-by.
 */
async function main() {
  loadEnvConfig(process.cwd());
  const { values } = parseArgs({
    options: {
      dossier: { type: "string", multiple: true },
      reason: { type: "string" },
      by: { type: "string" },
      "confirmed-by": { type: "string" },
    },
    allowPositionals: false,
  });
  if (!values.dossier?.length || !values.reason || !values.by) throw new ConfigError([USAGE]);
  const env = getEnv();
  const fourEyes = env.FOUR_EYES === "1";
  if (fourEyes && !values["confirmed-by"]) throw new ConfigError(["FOUR_EYES=1: name the second person with --confirmed-by STAFF_EMAIL"]);

  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
  let failures = 0;
  try {
    const requester = await staffCtx(database.db, values.by);
    const confirmer = fourEyes ? await staffCtx(database.db, values["confirmed-by"]!) : null;
    const deps = { assure: createAssureClient(assureConfig(env)), fourEyes };
    for (const dossierId of values.dossier) {
      try {
        let outcome = await requestErasure(requester, deps, { dossierId, reason: values.reason, confirmation: dossierId });
        if (confirmer) outcome = await confirmErasure(confirmer, deps, { dossierId });
        const assure = outcome.assure === "pending" ? "pending (retried by the background sweep)" : outcome.assure;
        console.log(`${dossierId}: erased ${outcome.counts?.processes ?? 0} processes, ${outcome.counts?.zips ?? 0} zips; at Assure: ${assure}`);
      } catch (error) {
        failures += 1;
        console.error(`${dossierId}: ${error instanceof DeskError ? error.message : String(error)}`);
      }
    }
  } finally {
    await database.close();
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
