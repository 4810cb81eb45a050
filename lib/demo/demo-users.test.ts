import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffUsers } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { activeDemoUsers, demoUsersRefusal, ensureDemoUsers, makeDemoPasswords } from "./demo-users";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("demo users", () => {
  it("answer their passwords only when made, so that a later start has none to print", async () => {
    const first = makeDemoPasswords();
    const made = await ensureDemoUsers(database.db, first);
    expect(made.map((m) => m.email).sort()).toEqual(Object.keys(first).sort());
    expect(made.every((m) => m.password === first[m.email])).toBe(true);
    expect(await ensureDemoUsers(database.db, makeDemoPasswords())).toEqual([]);
  });

  it("are found while active, and the refusal says how to remove them", async () => {
    expect(await activeDemoUsers(database.db)).toEqual(["admin@demo.desk", "compliance2@demo.desk", "compliance@demo.desk", "support@demo.desk"]);
    await database.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.email, "support@demo.desk"));
    expect(await activeDemoUsers(database.db)).not.toContain("support@demo.desk");
    const message = demoUsersRefusal(["admin@demo.desk"]);
    expect(message).toContain("admin@demo.desk");
    expect(message).toContain("npm run staff:add -- --email");
    expect(message).toContain("npm run staff:deactivate -- --demo");
  });
});
