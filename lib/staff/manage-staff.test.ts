import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, staffUsers } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { Conflict, Forbidden, InvalidInput, Unauthenticated } from "../errors";
import { createStaffUser, updateStaffUser } from "./manage-staff";

let database: TestDatabase;
let root: Ctx;

beforeAll(async () => {
  database = await createTestDatabase();
  root = { db: database.db, user: { id: "bootstrap", email: "root@desk.test", name: "Root", role: "admin" } };
});
afterAll(async () => {
  await database.dispose();
});

const email = () => `${randomUUID()}@desk.test`;

describe("staff management", () => {
  it("is for admins only", async () => {
    const input = { email: email(), name: "X", role: "support" };
    await expect(createStaffUser({ db: database.db, user: null }, input)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(
      createStaffUser({ db: database.db, user: { id: "c", email: "c@desk.test", name: "C", role: "compliance" } }, input),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it("refuses weak passwords, bad emails and duplicates with a reason", async () => {
    await expect(createStaffUser(root, { email: email(), name: "X", role: "support", password: "short" })).rejects.toThrow(/at least 12/);
    await expect(createStaffUser(root, { email: "not-an-email", name: "X", role: "support" })).rejects.toBeInstanceOf(InvalidInput);
    const address = email();
    await createStaffUser(root, { email: address, name: "X", role: "support" });
    await expect(createStaffUser(root, { email: address.toUpperCase(), name: "Y", role: "admin" })).rejects.toBeInstanceOf(Conflict);
  });

  it("never removes or demotes the last active admin, even when two admins try at once", async () => {
    // A database of its own: the admins here are the only ones.
    const own = await createTestDatabase();
    try {
      const ctx: Ctx = { ...root, db: own.db };
      const a = await createStaffUser(ctx, { email: email(), name: "A", role: "admin" });
      const b = await createStaffUser(ctx, { email: email(), name: "B", role: "admin" });
      const results = await Promise.allSettled([
        updateStaffUser(ctx, { userId: a.id, role: "support" }),
        updateStaffUser(ctx, { userId: b.id, active: false }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const admins = await own.db.select().from(staffUsers).where(eq(staffUsers.role, "admin"));
      expect(admins.filter((u) => u.active)).toHaveLength(1);
      const last = admins.find((u) => u.active)!;
      await expect(updateStaffUser(ctx, { userId: last.id, active: false })).rejects.toThrow(/last active admin/);
      await expect(updateStaffUser(ctx, { userId: last.id, role: "compliance" })).rejects.toThrow(/last active admin/);
    } finally {
      await own.dispose();
    }
  });

  it("audits every change, with the before and after", async () => {
    const user = await createStaffUser(root, { email: email(), name: "Z", role: "support" });
    await updateStaffUser(root, { userId: user.id, role: "compliance" });
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.target, user.id));
    expect(rows.map((r) => r.action).sort()).toEqual(["staff.create", "staff.update"]);
    expect(rows.find((r) => r.action === "staff.update")?.details).toMatchObject({ from: { role: "support" }, to: { role: "compliance" } });
  });
});
