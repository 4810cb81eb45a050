import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ensureDemoUsers, makeDemoPasswords } from "../lib/demo/demo-users";

/**
 * `npm start` outside demo mode (a real Assure API configured) on an embedded database that still has
 * the demo users: it must refuse, before building or serving anything, and say what to do.
 */

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");
let dataDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "desk-start-"));
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await ensureDemoUsers(database.db, makeDemoPasswords());
  await database.close();
  const { DATABASE_URL: _url, ...inherited } = process.env;
  env = {
    ...inherited,
    DATA_DIR: dataDir,
    PORT: "3139",
    ASSURE_BASE_URL: "http://127.0.0.1:9/assure",
    ASSURE_TOKEN_URL: "http://127.0.0.1:9/token",
    ASSURE_CLIENT_ID: "real-client",
    ASSURE_CLIENT_SECRET: "real-secret",
    ASSURE_WEBHOOK_SECRET: "a-webhook-secret-of-some-length",
    NEXTAUTH_SECRET: "a-session-secret-of-at-least-32-characters",
  };
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(script: string, args: string[], stdin = ""): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [TSX, "--tsconfig", "tsconfig.scripts.json", script, ...args], { env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

describe("npm start outside demo mode", { timeout: 180_000 }, () => {
  it("refuses while demo users are active, and the commands it names remove them", async () => {
    const refused = await run("scripts/start.ts", []);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Refusing to start: demo users are active (admin@demo.desk, compliance2@demo.desk, compliance@demo.desk, support@demo.desk)");
    expect(refused.output).not.toMatch(/Building the desk|Build is current/);

    // The demo admin is the only admin: the desk keeps it until there is another.
    const tooSoon = await run("scripts/staff.ts", ["deactivate", "--demo"]);
    expect(tooSoon.code).toBe(1);
    expect(tooSoon.output).toContain("last active admin");
    expect((await run("scripts/staff.ts", ["add", "--email", "ops@example.com", "--name", "Ops", "--role", "admin"], "the real admin's passphrase\n")).code).toBe(0);
    const removed = await run("scripts/staff.ts", ["deactivate", "--demo"]);
    expect(removed.code).toBe(0);
    expect(removed.output.match(/Deactivated \S+@demo\.desk/g)).toHaveLength(4);
  });
});
