import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoLoginsFile, keepDemoLogins } from "./demo-logins-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the demo logins file", () => {
  it("is beside the embedded database, or one per PostgreSQL database", () => {
    expect(demoLoginsFile({ DATA_DIR: "/srv/desk" })).toBe("/srv/desk/demo-logins.json");
    expect(demoLoginsFile({ DATA_DIR: "/srv/desk", DATABASE_URL: "postgres://u:secret@db:5433/desk" })).toBe("/srv/desk/demo-logins.db-5433_desk.json");
  });

  it("keeps the passwords readable by its owner only, adding to what it had", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "demo-logins-"));
    dirs.push(dir);
    const file = path.join(dir, "demo-logins.json");
    writeFileSync(file, JSON.stringify({ "support@demo.desk": "old" }), { mode: 0o644 });
    keepDemoLogins(file, [{ email: "admin@demo.desk", role: "admin", password: "demo-abc" }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ "support@demo.desk": "old", "admin@demo.desk": "demo-abc" });
  });
});
