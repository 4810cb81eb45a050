import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, savedViews } from "../../db/schema";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import { describeAuditEntry, renderAuditSentence } from "../audit/describe-audit";
import { Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated } from "../errors";
import { getDossierListPage } from "../dossiers/get-dossier-list-page";
import { getProcessListPage } from "../processes/get-process-list-page";
import { seedProcesses, uniqueDay } from "../processes/testing/seed-processes";
import { countPinnedViews, countView } from "./count-saved-views";
import { listPinnedViews, listSavedViews } from "./list-saved-views";
import { createSavedView, deleteSavedView, pinSavedView, renameSavedView, shareSavedView, unpinSavedView, updateSavedViewFilters } from "./manage-saved-views";
import { MAX_PINS } from "./saved-view-input";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

const names = (views: { name: string }[]) => views.map((v) => v.name);

async function auditActions(target: string): Promise<string[]> {
  const rows = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, target));
  return rows.map((r) => r.action);
}

describe("saved views across two users", () => {
  it("keep a private view to its owner and show a shared one to the team, who may pin it", async () => {
    const alice = await staffCtx(database.db, "compliance");
    const bob = await staffCtx(database.db, "support");
    const secret = await createSavedView(alice, { list: "processes", name: "My inconclusive passports", query: "status=inconclusive&doc=passport" });
    const team = await createSavedView(alice, { list: "processes", name: "  Failed, Norway ", query: "?status=failed&country=nor", shared: true });
    expect(team).toMatchObject({ name: "Failed, Norway", query: "status=failed&country=NOR", shared: true });

    const aliceSees = await listSavedViews(alice, { list: "processes" });
    expect(names(aliceSees.mine)).toEqual(["Failed, Norway", "My inconclusive passports"]);
    const bobSees = await listSavedViews(bob, { list: "processes" });
    expect(bobSees.mine).toEqual([]);
    expect(bobSees.team).toEqual([
      expect.objectContaining({ id: team.id, name: "Failed, Norway", href: "/processes?status=failed&country=NOR", mine: false, ownerName: "compliance tester", pinned: false }),
    ]);
    expect(await listSavedViews(bob, { list: "dossiers" })).toEqual({ mine: [], team: [] });

    // The private view is not there for Bob: not to pin, not to delete.
    await expect(pinSavedView(bob, { id: secret.id })).rejects.toBeInstanceOf(NotFound);
    await expect(deleteSavedView(bob, { id: secret.id })).rejects.toBeInstanceOf(NotFound);

    await pinSavedView(bob, { id: team.id });
    await pinSavedView(bob, { id: team.id }); // twice is once
    expect(names(await listPinnedViews(bob))).toEqual(["Failed, Norway"]);
    expect(names(await listPinnedViews(alice))).toEqual([]); // pins are each user's own
    expect((await listSavedViews(bob, { list: "processes" })).team[0]?.pinned).toBe(true);

    await unpinSavedView(bob, { id: team.id });
    expect(await listPinnedViews(bob)).toEqual([]);
  });

  it("let only the owner rename, change, share, unshare and delete a view", async () => {
    const alice = await staffCtx(database.db, "compliance");
    const carol = await staffCtx(database.db, "compliance");
    const view = await createSavedView(alice, { list: "dossiers", name: "Active in June", query: "from=2026-06-01&to=2026-06-30", shared: true });
    await pinSavedView(carol, { id: view.id });

    await expect(renameSavedView(carol, { id: view.id, name: "Mine now" })).rejects.toBeInstanceOf(Forbidden);
    await expect(updateSavedViewFilters(carol, { id: view.id, query: "" })).rejects.toBeInstanceOf(Forbidden);
    await expect(shareSavedView(carol, { id: view.id, shared: false })).rejects.toBeInstanceOf(Forbidden);
    await expect(deleteSavedView(carol, { id: view.id })).rejects.toBeInstanceOf(Forbidden);
    expect(await database.db.select().from(savedViews).where(eq(savedViews.id, view.id))).toHaveLength(1);

    expect(await renameSavedView(alice, { id: view.id, name: "Active in early June" })).toMatchObject({ name: "Active in early June" });
    expect(await updateSavedViewFilters(alice, { id: view.id, query: "from=2026-06-01&to=2026-06-15&size=25" })).toMatchObject({ query: "from=2026-06-01&to=2026-06-15" });

    // Unsharing takes the view out of Carol's side bar and her list.
    await shareSavedView(alice, { id: view.id, shared: false });
    expect(await listPinnedViews(carol)).toEqual([]);
    expect((await listSavedViews(carol, { list: "dossiers" })).team).toEqual([]);
    await expect(pinSavedView(carol, { id: view.id })).rejects.toBeInstanceOf(NotFound);

    await shareSavedView(alice, { id: view.id, shared: true });
    await pinSavedView(carol, { id: view.id });
    await deleteSavedView(alice, { id: view.id });
    expect(await listPinnedViews(carol)).toEqual([]);
    expect((await listSavedViews(carol, { list: "dossiers" })).team).toEqual([]);

    // What the team saw change is audited, each with a sentence.
    expect(await auditActions(view.id)).toEqual(["saved_view.share", "saved_view.update", "saved_view.update", "saved_view.unshare", "saved_view.share", "saved_view.delete"]);
    const sentence = describeAuditEntry("saved_view.delete", { list: "dossiers", name: "Active in early June" });
    expect(renderAuditSentence(sentence, createTranslator({ locale: "en", messages: en, namespace: "AuditSentences" }))).toBe("Deleted the shared dossier list view “Active in early June”");
  });

  it("do not audit private views", async () => {
    const alice = await staffCtx(database.db, "support");
    const view = await createSavedView(alice, { list: "processes", name: "Scratch", query: "status=pending" });
    await renameSavedView(alice, { id: view.id, name: "Scratch 2" });
    await deleteSavedView(alice, { id: view.id });
    expect(await auditActions(view.id)).toEqual([]);
  });

  it("refuse invalid filters with a clear error and drop keys the list does not know", async () => {
    const alice = await staffCtx(database.db, "compliance");
    const refused = [
      ["status=bogus", /status/],
      ["from=2026-06-30&to=2026-06-01", /to: the date range ends before it starts/],
      ["country=Norway", /country/],
      ["linked=maybe", /linked/],
      ["sort=name.asc", /sort/],
      ["q=Maria+Mendes", /look-up/],
    ] as const;
    for (const [query, message] of refused) {
      const attempt = createSavedView(alice, { list: "processes", name: `Bad ${query}`, query });
      await expect(attempt).rejects.toBeInstanceOf(InvalidInput);
      await expect(attempt).rejects.toThrow(message);
    }
    const kept = await createSavedView(alice, {
      list: "processes",
      name: "Linked passports",
      query: "linked=true&doc=passport&cursor=abc&size=100&utm_source=mail&status=inconclusive,rejected&sort=updated.desc&by=name",
    });
    expect(kept.query).toBe("status=rejected,inconclusive&doc=passport&linked=true");
    // A dossier list has no status filter: the key is not its own, so it is dropped like any unknown key.
    const dossiers = await createSavedView(alice, { list: "dossiers", name: "All", query: "status=failed&sort=first-seen.asc" });
    expect(dossiers.query).toBe("sort=first-seen.asc");
    expect(await database.db.select().from(savedViews).where(eq(savedViews.ownerId, alice.user.id))).toHaveLength(2);

    for (const name of ["", "   ", "x".repeat(81)]) {
      await expect(createSavedView(alice, { list: "processes", name, query: "" })).rejects.toBeInstanceOf(InvalidInput);
    }
    await expect(createSavedView(alice, { list: "audit", name: "Nope", query: "" })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("refuse a duplicate name per owner and list, whatever its case", async () => {
    const alice = await staffCtx(database.db, "compliance");
    const bob = await staffCtx(database.db, "compliance");
    const first = await createSavedView(alice, { list: "processes", name: "Nordics", query: "country=NOR" });
    await expect(createSavedView(alice, { list: "processes", name: "nordics ", query: "country=SWE" })).rejects.toBeInstanceOf(Conflict);
    // Another list, or another owner, may use the name.
    await createSavedView(alice, { list: "dossiers", name: "Nordics", query: "" });
    await createSavedView(bob, { list: "processes", name: "Nordics", query: "country=DNK", shared: true });
    const second = await createSavedView(alice, { list: "processes", name: "Sweden", query: "country=SWE" });
    await expect(renameSavedView(alice, { id: second.id, name: "NORDICS" })).rejects.toThrow(/already have a view named/);
    await expect(renameSavedView(alice, { id: first.id, name: "NORDICS" })).resolves.toMatchObject({ name: "NORDICS" });
  });

  it("keep the review filters' shared views from roles that do not review", async () => {
    const officer = await staffCtx(database.db, "compliance");
    const support = await staffCtx(database.db, "support");
    const view = await createSavedView(officer, { list: "processes", name: "Open for review", query: "assigned=unassigned", shared: true });
    expect((await listSavedViews(support, { list: "processes" })).team.map((v) => v.id)).not.toContain(view.id);
    await expect(pinSavedView(support, { id: view.id })).rejects.toBeInstanceOf(NotFound);
  });

  it("pin at most MAX_PINS views, and refuse anonymous callers", async () => {
    const alice = await staffCtx(database.db, "admin");
    const ids: string[] = [];
    for (let i = 0; i <= MAX_PINS; i += 1) ids.push((await createSavedView(alice, { list: "processes", name: `View ${i}`, query: "" })).id);
    for (const id of ids.slice(0, MAX_PINS)) await pinSavedView(alice, { id });
    await expect(pinSavedView(alice, { id: ids[MAX_PINS]! })).rejects.toBeInstanceOf(Conflict);
    await expect(pinSavedView(alice, { id: ids[0]! })).resolves.toBeUndefined();
    expect(await listPinnedViews(alice)).toHaveLength(MAX_PINS);
    await expect(listSavedViews({ db: database.db, user: null }, { list: "processes" })).rejects.toBeInstanceOf(Unauthenticated);
  });
});

describe("a saved view's count", () => {
  it("equals the list's own count for its filters", async () => {
    const day = uniqueDay();
    const alice = await staffCtx(database.db, "compliance");
    await seedProcesses(database.db, day, [
      { status: "inconclusive", documentType: "passport", issuingCountry: "NOR" },
      { status: "inconclusive", documentType: "passport", issuingCountry: "NOR" },
      { status: "inconclusive", documentType: "passport", issuingCountry: "SWE" },
      { status: "accepted", documentType: "passport", issuingCountry: "NOR" },
      { status: "inconclusive", documentType: "drivers_license", issuingCountry: "NOR" },
    ]);
    const viewer = { userId: alice.user.id, role: alice.user.role };
    const queries = [`status=inconclusive&doc=passport&country=NOR&from=${day}&to=${day}`, `from=${day}&to=${day}`, `status=accepted,inconclusive&from=${day}&to=${day}`, "status=inconclusive"];
    for (const query of queries) {
      const view = await createSavedView(alice, { list: "processes", name: `Count ${query}`, query });
      const own = await (await getProcessListPage(alice, { filters: filtersOf(view.query) })).counts;
      expect(await countView(database.db, view, viewer)).toEqual(own.total);
      await pinSavedView(alice, { id: view.id });
    }
    const first = await countView(database.db, { list: "processes", query: queries[0]! }, viewer);
    expect(first).toEqual({ count: 2, capped: false });

    const dossierView = await createSavedView(alice, { list: "dossiers", name: "That day", query: `from=${day}&to=${day}` });
    await pinSavedView(alice, { id: dossierView.id });
    const dossierCount = await (await getDossierListPage(alice, { filters: { from: day, to: day } })).count;
    expect(await countView(database.db, dossierView, viewer)).toEqual(dossierCount);

    const pinned = await countPinnedViews(alice);
    expect(pinned).toHaveLength(queries.length + 1);
    expect(pinned[0]).toEqual({ id: expect.any(String), ok: true, count: { count: 2, capped: false } });
  });
});

/** The queue's filters of a stored query, as the page's URL parsers would give them to the loader. */
function filtersOf(query: string) {
  const params = new URLSearchParams(query);
  return {
    status: params.get("status")?.split(","),
    doc: params.get("doc"),
    country: params.get("country"),
    from: params.get("from"),
    to: params.get("to"),
  };
}
