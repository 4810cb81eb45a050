import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/client";
import { auditLog, staffUsers } from "../db/schema";
import { signInWithPassword } from "../lib/auth/sign-in";
import { createPostgresDatabase, testServerUrl, type TestDatabase } from "../tests/support/test-database";

/**
 * `npm run staff:*` as an operator runs it: the real script in a child process, on a fresh database of
 * the engine DATABASE_URL selects (an embedded PGlite folder otherwise), with the password piped in.
 */

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");
let childEnv: NodeJS.ProcessEnv;
let server: TestDatabase | null = null;
let dataDir: string | null = null;

beforeAll(async () => {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env;
  if (testServerUrl) {
    // Created without migrations: the script brings a fresh database up to date itself.
    server = await createPostgresDatabase(testServerUrl, { migrate: false });
    childEnv = { ...inherited, DATABASE_URL: server.url };
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), "desk-staff-cli-"));
    childEnv = { ...inherited, DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await server?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { stdin?: string; tty?: boolean } = {}): Promise<Run> {
  // `script` gives the child a terminal, as when an operator types the command.
  const command = options.tty
    ? spawn("script", ["-qec", [process.execPath, TSX, "--tsconfig", "tsconfig.scripts.json", "scripts/staff.ts", ...args].map((a) => `'${a}'`).join(" "), "/dev/null"], { env: childEnv })
    : spawn(process.execPath, [TSX, "--tsconfig", "tsconfig.scripts.json", "scripts/staff.ts", ...args], { env: childEnv });
  let stdout = "";
  let stderr = "";
  command.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  command.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  if (!options.tty) command.stdin.end(options.stdin ?? "");
  return new Promise((resolve) => command.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** The script's database, opened only while no script runs (PGlite allows one process per folder). */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(server ? { url: server.url, poolSize: 1 } : { dataDir: dataDir! });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const FIRST = "a first admin's passphrase";

describe("npm run staff:add and staff:list", { timeout: 180_000 }, () => {
  it("creates the first admin on a fresh database from a piped password, audited as cli", async () => {
    const added = await run(["add", "--email", "Ops@Example.com", "--name", "Ops Lead", "--role", "admin"], { stdin: `${FIRST}\n` });
    expect(added).toMatchObject({ code: 0, stderr: "" });
    expect(added.stdout).toContain("Created admin ops@example.com");
    expect(added.stdout).not.toContain(FIRST);
    await withDatabase(async ({ db }) => {
      expect(await signInWithPassword(db, { email: "ops@example.com", password: FIRST })).toMatchObject({ ok: true, user: { role: "admin" } });
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "staff.create"));
      expect(audit).toMatchObject({ actorId: "cli", actorEmail: "cli", details: { email: "ops@example.com", role: "admin" } });
      expect(JSON.stringify(audit)).not.toContain(FIRST);
    });
    const listed = await run(["list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^email\s+role\s+active\s+last sign-in$/m);
    expect(listed.stdout).toMatch(/^ops@example\.com\s+admin\s+yes\s+\d{4}-\d\d-\d\dT/m);
  });

  it("refuses a short password and an existing email without --reset, changing nothing", async () => {
    const short = await run(["add", "--email", "short@example.com", "--name", "Short", "--role", "support"], { stdin: "too short\n" });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("must be at least 12 characters");
    const again = await run(["add", "--email", "ops@example.com", "--name", "Ops", "--role", "support"], { stdin: "another passphrase\n" });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists already. Add --reset");
    await withDatabase(async ({ db }) => {
      expect(await db.select().from(staffUsers).where(eq(staffUsers.email, "short@example.com"))).toEqual([]);
      expect(await signInWithPassword(db, { email: "ops@example.com", password: FIRST })).toMatchObject({ ok: true, user: { role: "admin" } });
    });
  });

  it("with --reset replaces the password, re-activates the user and ends their sessions", async () => {
    const support = await run(["add", "--email", "sam@example.com", "--name", "Sam", "--role", "support"], { stdin: "sam's first passphrase" });
    expect(support.code).toBe(0);
    const before = await withDatabase(async ({ db }) => {
      const [row] = await db.update(staffUsers).set({ active: false }).where(eq(staffUsers.email, "sam@example.com")).returning();
      return row!;
    });
    const reset = await run(["add", "--email", "sam@example.com", "--name", "Sam", "--role", "support", "--reset"], { stdin: "sam's second passphrase\n" });
    expect(reset).toMatchObject({ code: 0, stderr: "" });
    await withDatabase(async ({ db }) => {
      const [after] = await db.select().from(staffUsers).where(eq(staffUsers.id, before.id));
      expect(after).toMatchObject({ active: true });
      expect(after!.sessionsValidAfter.getTime()).toBeGreaterThan(before.sessionsValidAfter.getTime());
      expect(await signInWithPassword(db, { email: "sam@example.com", password: "sam's first passphrase", address: "192.0.2.1" })).toMatchObject({ ok: false });
      expect(await signInWithPassword(db, { email: "sam@example.com", password: "sam's second passphrase", address: "192.0.2.2" })).toMatchObject({ ok: true });
      const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.actorId, "cli"), eq(auditLog.target, before.id)));
      expect(actions.map((a) => a.action)).toEqual(["staff.create", "staff.update", "staff.reset_password"]);
    });
  });

  it("on a terminal makes a password and prints it once", async () => {
    const added = await run(["add", "--email", "tty@example.com", "--name", "Terminal", "--role", "compliance"], { tty: true });
    expect(added.code).toBe(0);
    const password = /Password \(shown only now, keep it safe\): (\S+)/.exec(added.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);
    await withDatabase(async ({ db }) => {
      expect(await signInWithPassword(db, { email: "tty@example.com", password: password! })).toMatchObject({ ok: true, user: { role: "compliance" } });
    });
  });
});
