import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { staffUsers } from "../db/schema";
import type { Ctx } from "../lib/auth/context";
import { passwordProblem } from "../lib/auth/password";
import { ConfigError, getEnv } from "../lib/config";
import { DeskError } from "../lib/errors";
import { DEMO_EMAIL_DOMAIN } from "../lib/demo/demo-users";
import { createStaffUser, listStaffUsers, resetStaffPassword, updateStaffUser } from "../lib/staff/manage-staff";

/**
 * Staff users from the command line, on the configured database (the first admin of a real deployment
 * has no one to create them in the browser):
 *   npm run staff:add -- --email E --name N --role R [--reset]
 *   npm run staff:list
 *   npm run staff:deactivate -- --email E | --demo
 * Every change goes through the same verbs as the staff page and is audited as done by `cli`.
 */

const USAGE = [
  "usage: npm run staff:add -- --email E --name N --role support|compliance|admin [--reset]",
  "       npm run staff:list",
  "       npm run staff:deactivate -- --email E | --demo",
].join("\n");

class UsageError extends Error {}

/** Changes by this script carry this identity in the audit log. */
const CLI_USER = { id: "cli", email: "cli", name: "command line", role: "admin" } as const;

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  if (process.stdin.isTTY) return { password: randomBytes(18).toString("base64url"), generated: true };
  let input = "";
  for await (const chunk of process.stdin) input += String(chunk);
  const lines = input.split(/\r?\n/);
  const password = lines[0] ?? "";
  if (lines.slice(1).some((line) => line !== "")) throw new UsageError("Give the password as one line on standard input.");
  const problem = password === "" ? "is missing" : passwordProblem(password);
  if (problem) throw new UsageError(`The password on standard input ${problem} (one line, 12 to 200 characters).`);
  return { password, generated: false };
}

type AddArgs = { email?: string; name?: string; role?: string; reset?: boolean };

async function add(ctx: Ctx, args: AddArgs, { password, generated }: { password: string; generated: boolean }) {
  const email = args.email!.trim().toLowerCase();
  const [existing] = await ctx.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email));
  if (existing && !args.reset) {
    throw new UsageError(`A staff user with the email ${email} exists already. Add --reset to replace their password, re-activate them and end their sessions.`);
  }
  if (existing) {
    // Role and activation first: it refuses to demote the last admin before anything has changed.
    await updateStaffUser(ctx, { userId: existing.id, role: args.role, active: true });
    await resetStaffPassword(ctx, { userId: existing.id, password });
    console.log(`Reset ${email}: role ${args.role}, active, new password; their sessions have ended.`);
  } else {
    const created = await createStaffUser(ctx, { email, name: args.name, role: args.role, password });
    console.log(`Created ${created.role} ${created.email}.`);
  }
  if (generated) console.log(`Password (shown only now, keep it safe): ${password}`);
}

async function list(ctx: Ctx) {
  const users = await listStaffUsers(ctx);
  const rows = [["email", "role", "active", "last sign-in"], ...users.map((u) => [u.email, u.role, u.active ? "yes" : "no", u.lastSignInAt?.toISOString() ?? "never"])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
}

async function deactivate(ctx: Ctx, args: { email?: string; demo?: boolean }) {
  if (Boolean(args.email) === Boolean(args.demo)) throw new UsageError(USAGE);
  const users = await listStaffUsers(ctx);
  const chosen = users.filter((u) => u.active && (args.demo ? u.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`) : u.email === args.email!.trim().toLowerCase()));
  if (chosen.length === 0) console.log("No such active staff user.");
  for (const user of chosen) {
    await updateStaffUser(ctx, { userId: user.id, active: false });
    console.log(`Deactivated ${user.email}.`);
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, reset: { type: "boolean" }, demo: { type: "boolean" } },
    strict: true,
  });
  if (command !== "add" && command !== "list" && command !== "deactivate") throw new UsageError(USAGE);
  // The same .env files Next.js reads, so that the script and the server see one configuration.
  loadEnvConfig(process.cwd());
  const env = getEnv();
  // Before the database is touched: a missing option or a bad password changes nothing.
  if (command === "add" && (!values.email || !values.name || !values.role)) throw new UsageError(USAGE);
  const secret = command === "add" ? await readPassword() : null;
  if (!env.DATABASE_URL) mkdirSync(env.DATA_DIR, { recursive: true });
  let database: Database | null = null;
  try {
    database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1 });
    // The first admin is often made before the desk ever started: bring the schema up to date first.
    await migrateDatabase(database);
    const ctx: Ctx = { db: database.db, user: CLI_USER, address: null };
    if (command === "add") await add(ctx, values, secret!);
    else if (command === "list") await list(ctx);
    else await deactivate(ctx, values);
  } finally {
    await database?.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof DeskError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
