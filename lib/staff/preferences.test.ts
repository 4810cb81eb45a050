import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffUsers } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { getSessionUser } from "../auth/session-user";
import { InvalidInput, Unauthenticated } from "../errors";
import { NO_PREFERENCES, preferencesOf, updateMyPreferences } from "./preferences";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe("staff preferences", () => {
  it("change only the keys given, reset with null, and come back with the session", async () => {
    const ctx = await staffCtx(database.db, "support");
    expect(await updateMyPreferences(ctx, { locale: "nb", timeZone: "Europe/Oslo" })).toEqual({ ...NO_PREFERENCES, locale: "nb", timeZone: "Europe/Oslo" });
    expect(await updateMyPreferences(ctx, { listDensity: "compact", timeZone: null })).toEqual({ ...NO_PREFERENCES, locale: "nb", listDensity: "compact" });
    const session = await getSessionUser(database.db, { uid: ctx.user!.id, signedInAt: Date.now() + 60_000 }, { maxHours: 12 });
    expect(session?.preferences).toEqual({ ...NO_PREFERENCES, locale: "nb", listDensity: "compact" });
  });

  it("refuse what is not a preference, with a clear error, and change nothing", async () => {
    const ctx = await staffCtx(database.db, "compliance");
    await updateMyPreferences(ctx, { colorScheme: "dark" });
    for (const bad of [{ timeZone: "Mars/Olympus" }, { locale: "<script>" }, { listDensity: "tiny" }, { role: "admin" }]) {
      await expect(updateMyPreferences(ctx, bad)).rejects.toBeInstanceOf(InvalidInput);
    }
    const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, ctx.user!.id));
    expect(row).toMatchObject({ role: "compliance", colorScheme: "dark", timeZone: null, locale: null, listDensity: null });
    await expect(updateMyPreferences({ db: database.db, user: null }, { colorScheme: "light" })).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("read a stored value the desk no longer knows as not chosen", () => {
    expect(preferencesOf({ locale: "en", timeZone: "Nowhere/Town", listDensity: "huge", colorScheme: "sepia" })).toEqual({ ...NO_PREFERENCES, locale: "en" });
  });
});
