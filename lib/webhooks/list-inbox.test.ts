import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookInbox } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { staffCtx } from "../../tests/reliability/support/desk-harness";
import { Forbidden, InvalidInput } from "../errors";
import { listInbox } from "./list-inbox";

let database: TestDatabase;
const STATES = { received: 3, processing: 1, done: 7, failed: 2, dead: 4 } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = Object.entries(STATES).flatMap(([state, n]) =>
    Array.from({ length: n }, () => {
      const id = randomUUID();
      return { dedupeKey: id, body: {}, headers: {}, dossierId: "d", processId: id, state: state as keyof typeof STATES, lastError: state === "dead" ? "newest\nolder" : null };
    }),
  );
  await database.db.insert(webhookInbox).values(rows);
});
afterAll(async () => {
  await database.dispose();
});

describe("listInbox", () => {
  it("counts every state and lists the newest rows first", async () => {
    const page = await listInbox(staffCtx(database.db), { limit: 5 });
    expect(page.counts).toEqual({ byState: STATES, doneCapped: false });
    expect(page.rows).toHaveLength(5);
    const ids = page.rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page.nextCursor).toBe(ids.at(-1));
  });

  it("filters by state and pages by cursor without gaps or repeats", async () => {
    const first = await listInbox(staffCtx(database.db), { state: "dead", limit: 3 });
    expect(first.rows.map((r) => r.state)).toEqual(["dead", "dead", "dead"]);
    const second = await listInbox(staffCtx(database.db), { state: "dead", limit: 3, cursor: first.nextCursor! });
    expect(second.rows).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(4);
    expect(second.rows[0]!.lastError).toBe("newest\nolder");
  });

  it("refuses other roles and unknown states", async () => {
    await expect(listInbox(staffCtx(database.db, "compliance"))).rejects.toBeInstanceOf(Forbidden);
    await expect(listInbox(staffCtx(database.db), { state: "lost" as never })).rejects.toBeInstanceOf(InvalidInput);
  });
});
