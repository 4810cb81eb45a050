import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { InvalidInput } from "../errors";
import { listProcesses, type ProcessListItem } from "./list-processes";
import { PROCESS_SORTS, type ProcessFilters, type ProcessSort } from "./process-list-query";
import { seedProcesses, uniqueDay } from "./testing/seed-processes";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

type Filters = Partial<ProcessFilters>;

async function walk(filters: Filters, sort: ProcessSort, limit: number) {
  const pages: ProcessListItem[][] = [];
  let cursor: string | null = null;
  let prevCursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listProcesses>> = await listProcesses(database.db, { filters, sort, limit, cursor });
    pages.push(page.items);
    prevCursor = page.prevCursor;
    cursor = page.nextCursor;
  } while (cursor);
  return { pages, lastPrevCursor: prevCursor };
}

function expectedOrder(items: ProcessListItem[], sort: ProcessSort): string[] {
  const key = sort.startsWith("created") ? "createdAt" : "updatedAt";
  const sign = sort.endsWith("asc") ? 1 : -1;
  return [...items]
    .sort((a, b) => sign * (a[key].getTime() - b[key].getTime() || (a.processId < b.processId ? -1 : 1)))
    .map((i) => i.processId);
}

describe("listProcesses: sorts and keyset pages", () => {
  it.each(PROCESS_SORTS)("%s: every row once, in order, ties broken by id, forward and back", async (sort) => {
    const day = uniqueDay();
    // Updated and created times both tie (three rows each) and run in different orders.
    const minutes = [[10, 50], [20, 40], [20, 40], [20, 40], [30, 30], [40, 20], [40, 10], [50, 5]] as const;
    await seedProcesses(database.db, day, minutes.map(([updated, created]) => ({ updated, created })));
    const filters = { from: day, to: day, dates: sort.startsWith("created") ? "created" : "updated" } as const;

    const all = await listProcesses(database.db, { filters, sort, limit: 100 });
    expect(all.items).toHaveLength(minutes.length);
    expect(all.items.map((i) => i.processId)).toEqual(expectedOrder(all.items, sort));
    expect(all.nextCursor).toBeNull();
    expect(all.prevCursor).toBeNull();

    const { pages, lastPrevCursor } = await walk(filters, sort, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat().map((i) => i.processId)).toEqual(all.items.map((i) => i.processId));

    // Back from the last page: the same pages in reverse, and no previous page before the first.
    const back: string[][] = [];
    let cursor = lastPrevCursor;
    while (cursor) {
      const page = await listProcesses(database.db, { filters, sort, limit: 3, cursor });
      back.unshift(page.items.map((i) => i.processId));
      expect(page.nextCursor).not.toBeNull();
      cursor = page.prevCursor;
    }
    expect(back).toEqual(pages.slice(0, -1).map((p) => p.map((i) => i.processId)));
  });

  it("ends on a full last page without an empty page after it", async () => {
    const day = uniqueDay();
    await seedProcesses(database.db, day, [1, 2, 3, 4].map((updated) => ({ updated })));
    const { pages } = await walk({ from: day, to: day }, "updated.desc", 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2]);
  });

  it("answers an empty view with no rows and no cursors", async () => {
    const day = uniqueDay();
    const page = await listProcesses(database.db, { filters: { from: day, to: day } });
    expect(page).toEqual({ items: [], nextCursor: null, prevCursor: null });
  });

  it("refuses a cursor taken under another filter or sort, and a damaged one", async () => {
    const day = uniqueDay();
    await seedProcesses(database.db, day, [1, 2, 3].map((updated) => ({ updated, issuingCountry: "PRT", firstName: "ANA" })));
    const filters = { from: day, to: day };
    const { nextCursor } = await listProcesses(database.db, { filters, limit: 1 });
    expect(nextCursor).not.toBeNull();
    const other = listProcesses(database.db, { filters: { ...filters, country: "PRT" }, limit: 1, cursor: nextCursor });
    await expect(other).rejects.toThrow(/another sort or filter/);
    const resorted = listProcesses(database.db, { filters, sort: "updated.asc", limit: 1, cursor: nextCursor });
    await expect(resorted).rejects.toBeInstanceOf(InvalidInput);
    // The page size is not part of the view: a cursor survives a change of page size.
    await expect(listProcesses(database.db, { filters, limit: 25, cursor: nextCursor })).resolves.toMatchObject({ nextCursor: null });

    const tampered = `${nextCursor!.slice(0, 10)}x${nextCursor!.slice(11)}`;
    for (const cursor of [tampered, "not-a-cursor", Buffer.from('[1,"x","n","2024","a"]').toString("base64url")]) {
      await expect(listProcesses(database.db, { filters, cursor })).rejects.toThrow(/damaged|another sort/);
    }
  });

  it("refuses a sort or filter value it does not know", async () => {
    await expect(listProcesses(database.db, { sort: "name.asc" as ProcessSort })).rejects.toBeInstanceOf(InvalidInput);
    await expect(listProcesses(database.db, { filters: { country: "PORTUGAL" } })).rejects.toThrow(/alpha-3/);
    await expect(listProcesses(database.db, { filters: { from: "2024-02-02", to: "2024-02-01" } })).rejects.toThrow(/ends before/);
  });
});

describe("listProcesses: filters", () => {
  it("filters by status (several), process type, document type and issuing country", async () => {
    const day = uniqueDay();
    const [a, b, c, d] = await seedProcesses(database.db, day, [
      { status: "accepted", processType: "document", documentType: "passport", issuingCountry: "PRT", firstName: "A" },
      { status: "rejected", processType: "documentSelfie", documentType: "identityCard", issuingCountry: "NOR", firstName: "B" },
      { status: "failed", processType: "documentVideo", documentType: "driverLicense" },
      { status: "pending", processType: "documentSelfie", documentType: "residencePermit" },
    ]);
    const ids = async (filters: Filters) =>
      (await listProcesses(database.db, { filters: { from: day, to: day, ...filters } })).items.map((i) => i.processId).sort();
    expect(await ids({ status: ["rejected", "failed"] })).toEqual([b!.processId, c!.processId].sort());
    expect(await ids({ type: "documentSelfie" })).toEqual([b!.processId, d!.processId].sort());
    expect(await ids({ doc: "driverLicense" })).toEqual([c!.processId]);
    expect(await ids({ country: "nor" })).toEqual([b!.processId]);
    expect(await ids({ country: "PRT", status: ["accepted"], type: "document" })).toEqual([a!.processId]);
    expect(await ids({ country: "PRT", status: ["rejected"] })).toEqual([]);
  });

  it("filters a date range on updated or created, whole UTC days inclusive", async () => {
    const day = uniqueDay();
    const next = uniqueDay();
    const [late] = await seedProcesses(database.db, day, [{ updated: 23 * 60 + 59, created: 10 }]);
    const [early] = await seedProcesses(database.db, next, [{ updated: 0, created: 0 }]);
    const ids = async (filters: Filters) =>
      (await listProcesses(database.db, { filters })).items.map((i) => i.processId);
    expect(await ids({ from: day, to: day })).toEqual([late!.processId]);
    expect(await ids({ from: next, to: next })).toEqual([early!.processId]);
    expect(await ids({ from: day, to: next })).toEqual([early!.processId, late!.processId]);
    expect(await ids({ dates: "created", from: day, to: day })).toEqual([late!.processId]);
    expect(await ids({ dates: "created", from: next, to: next })).toEqual([early!.processId]);
    // In Oslo (UTC+1 in winter) 23:59 UTC is already the next day: a day is the viewer's day.
    expect(await ids({ from: day, to: day, tz: "Europe/Oslo" })).toEqual([]);
    expect(await ids({ from: next, to: next, tz: "Europe/Oslo" })).toEqual([early!.processId, late!.processId]);
  });
});
