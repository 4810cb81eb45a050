import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import { PROCESS_STATUSES, type ProcessStatus } from "../assure/schemas";
import { COUNT_CAP, countProcessStatuses } from "./status-counts";
import { assureProcess, seedProcesses, uniqueDay } from "./testing/seed-processes";
import { upsertProcess } from "./upsert-process";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

/** The truth, counted the slow way. */
async function actualCounts(): Promise<Record<ProcessStatus, number>> {
  const rows = await database.query<{ status: ProcessStatus; n: number }>(
    "select status, count(*)::int as n from processes group by status",
  );
  const counts = Object.fromEntries(PROCESS_STATUSES.map((s) => [s, 0])) as Record<ProcessStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

async function counterCounts(): Promise<Record<ProcessStatus, number>> {
  const counts = await countProcessStatuses(database.db, {});
  expect(counts.source).toBe("counters");
  return Object.fromEntries(PROCESS_STATUSES.map((s) => [s, counts.byStatus[s].count])) as Record<ProcessStatus, number>;
}

describe("the trigger-kept counters", () => {
  it("stay equal to a real count through inserts, status changes, stale and repeated upserts, and deletes", async () => {
    const day = uniqueDay();
    const seeded = await seedProcesses(database.db, day, [
      { status: "pending" },
      { status: "pending" },
      { status: "processing" },
      { status: "accepted", firstName: "ANA" },
    ]);
    expect(await counterCounts()).toEqual(await actualCounts());

    const [first, second, third] = seeded as [(typeof seeded)[0], (typeof seeded)[0], (typeof seeded)[0]];
    const move = (target: (typeof seeded)[0], status: ProcessStatus, updated: number) =>
      upsertProcess(database.db, {
        dossierId: target.dossierId,
        process: assureProcess(day, { processId: target.processId, status, updated }),
      });
    expect((await move(first, "processing", 61)).outcome).toBe("updated");
    expect((await move(first, "accepted", 62)).outcome).toBe("updated");
    expect((await move(second, "failed", 70)).outcome).toBe("updated");
    // Older news is ignored by upsertProcess: the counters must not move either.
    expect((await move(third, "canceled", 1)).outcome).toBe("stale");
    // The same state again: an update that changes nothing.
    expect((await move(first, "accepted", 62)).outcome).toBe("updated");
    expect(await counterCounts()).toEqual(await actualCounts());

    // Deleting a dossier cascades to its processes.
    await database.db.delete(dossiers).where(eq(dossiers.dossierId, second.dossierId));
    expect(await counterCounts()).toEqual(await actualCounts());
  });

  it("count a bulk insert and a bulk status change in one statement", async () => {
    const dossierId = randomUUID();
    await database.query("insert into dossiers (dossier_id, last_activity_at) values ($1, now())", [dossierId]);
    await database.query(
      `insert into processes (process_id, dossier_id, status, raw, created_at, updated_at)
       select $1 || g, $2, (array['pending','accepted','rejected'])[1 + g % 3]::process_status, '{}', now(), now()
         from generate_series(1, 300) g`,
      [randomUUID(), dossierId],
    );
    expect(await counterCounts()).toEqual(await actualCounts());
    await database.query("update processes set status = 'inconclusive' where dossier_id = $1 and status = 'pending'", [dossierId]);
    expect(await counterCounts()).toEqual(await actualCounts());
  });

  it("give the total of the statuses ticked", async () => {
    const all = await countProcessStatuses(database.db, {});
    const some = await countProcessStatuses(database.db, { status: ["accepted", "failed"] });
    expect(some.total).toEqual({ count: all.byStatus.accepted.count + all.byStatus.failed.count, capped: false });
    expect(some.byStatus).toEqual(all.byStatus);
  });
});

describe("counts under a filter", () => {
  it("are exact per status when the filter is narrow, and ignore the status filter itself", async () => {
    const day = uniqueDay();
    await seedProcesses(database.db, day, [
      { status: "accepted", firstName: "JOÃO", lastName: "SILVA" },
      { status: "accepted", firstName: "JOAO", lastName: "SOUSA" },
      { status: "rejected", firstName: "JOÃO", lastName: "PEREIRA" },
      { status: "failed" },
    ]);
    const counts = await countProcessStatuses(database.db, { q: "joao", status: ["rejected"], from: day, to: day });
    expect(counts.source).toBe("filtered");
    expect(counts.byStatus.accepted).toEqual({ count: 2, capped: false });
    expect(counts.byStatus.rejected).toEqual({ count: 1, capped: false });
    expect(counts.byStatus.failed).toEqual({ count: 0, capped: false });
    expect(counts.total).toEqual({ count: 1, capped: false });
  });

  it(`stop at ${COUNT_CAP.toLocaleString("en")} rows and say so`, async () => {
    const day = uniqueDay();
    const dossierId = randomUUID();
    await database.query("insert into dossiers (dossier_id, last_activity_at) values ($1, now())", [dossierId]);
    // COUNT_CAP + 50 accepted and 3 failed processes in the test's day.
    await database.query(
      `insert into processes (process_id, dossier_id, status, raw, created_at, updated_at)
       select $1 || g, $2, case when g <= 3 then 'failed' else 'accepted' end::process_status, '{}',
              $3::timestamptz + g * interval '1 second', $3::timestamptz + g * interval '1 second'
         from generate_series(1, $4::int) g`,
      [randomUUID(), dossierId, `${day}T00:00:00Z`, COUNT_CAP + 53],
    );
    const broad = await countProcessStatuses(database.db, { from: day, to: day });
    expect(broad.total).toEqual({ count: COUNT_CAP, capped: true });
    expect(broad.byStatus.accepted.capped).toBe(true);
    // The few failed ones are still counted exactly when they are what is in view.
    const failed = await countProcessStatuses(database.db, { from: day, to: day, status: ["failed"] });
    expect(failed.total).toEqual({ count: 3, capped: false });
  });
});
