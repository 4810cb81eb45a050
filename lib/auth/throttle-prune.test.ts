import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInThrottle } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { pruneSignInThrottle } from "./throttle";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

const ago = (minutes: number) => sql`now() - make_interval(mins => ${minutes})`;
const fromNow = (minutes: number) => sql`now() + make_interval(mins => ${minutes})`;

describe("pruning the sign-in counters", () => {
  it("deletes counters whose window is over and that hold nobody back, and keeps the rest", async () => {
    await database.db.insert(signInThrottle).values([
      { key: "pair:192.0.2.1:old", address: "192.0.2.1", failures: 2, windowStartedAt: ago(25 * 60) },
      { key: "pair:192.0.2.1:recent", address: "192.0.2.1", failures: 2, windowStartedAt: ago(23 * 60) },
      { key: "pair:192.0.2.2:old-but-held", address: "192.0.2.2", failures: 9, windowStartedAt: ago(25 * 60), lockedUntil: fromNow(5) },
      { key: "pair:192.0.2.3:old-hold-over", address: "192.0.2.3", failures: 9, windowStartedAt: ago(25 * 60), lockedUntil: ago(1) },
      { key: "address:192.0.2.4", address: "192.0.2.4", failures: 50, windowStartedAt: ago(61) },
      { key: "address:192.0.2.5", address: "192.0.2.5", failures: 50, windowStartedAt: ago(59) },
    ]);
    expect(await pruneSignInThrottle(database.db)).toBe(3);
    const left = await database.db.select({ key: signInThrottle.key }).from(signInThrottle).orderBy(signInThrottle.key);
    expect(left.map((row) => row.key)).toEqual(["address:192.0.2.5", "pair:192.0.2.1:recent", "pair:192.0.2.2:old-but-held"]);
    expect(await pruneSignInThrottle(database.db)).toBe(0);
  });
});
