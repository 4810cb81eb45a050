import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPgliteDatabase, createPostgresDatabase, testServerUrl, type TestDatabase } from "../tests/support/test-database";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate";

const opened: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.dispose()));
});

async function expectFullSchema(database: TestDatabase) {
  const tables = await database.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
  );
  expect(tables.map((t) => t.table_name)).toEqual(
    expect.arrayContaining(["dossiers", "processes", "process_results", "webhook_inbox"]),
  );
  const extensions = await database.query<{ extname: string }>("select extname from pg_extension");
  expect(extensions.map((e) => e.extname)).toContain("pg_trgm");
  const [similar] = await database.query<{ s: number }>("select similarity('maria', 'mária') as s");
  expect(similar?.s).toBeGreaterThan(0);
  const indexes = await database.query<{ indexname: string }>(
    "select indexname from pg_indexes where tablename = 'processes'",
  );
  expect(indexes.map((i) => i.indexname)).toEqual(
    expect.arrayContaining(["processes_name_trgm_idx", "processes_status_updated_idx", "processes_dossier_idx"]),
  );
  // The inbox is vacuumed by its count of dead rows, not by its share of the table (0020_inbox_vacuum.sql).
  const [inbox] = await database.query<{ options: string[] }>("select reloptions as options from pg_class where relname = 'webhook_inbox'");
  expect(inbox?.options).toEqual(expect.arrayContaining(["autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=10000"]));
}

describe("migrations on PGlite", () => {
  it("apply to an empty database, and a second run changes nothing", async () => {
    const database = await createPgliteDatabase({ migrate: false });
    opened.push(database);
    await migrateDatabase(database);
    await expectFullSchema(database);
    await migrateDatabase(database);
    const [applied] = await database.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(applied?.n).toBeGreaterThanOrEqual(2);
  });
});

// CI sets DATABASE_URL, so this block runs there; without a server it has nothing to run against.
describe.skipIf(!testServerUrl)("migrations on the PostgreSQL server", () => {
  it("apply to an empty database, also from several instances starting at once", async () => {
    const database = await createPostgresDatabase(testServerUrl!, { migrate: false });
    opened.push(database);
    await Promise.all([migrateDatabase(database), migrateDatabase(database), migrateDatabase(database)]);
    await expectFullSchema(database);
    const [applied] = await database.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    const journal = (await import("../drizzle/meta/_journal.json")).entries.length;
    expect(applied?.n).toBe(journal);
  });
});

describe("the look-up back-fill migration", () => {
  it("gives existing rejected processes the document type their document verification read", async () => {
    const database = await createPgliteDatabase({ migrate: false });
    opened.push(database);
    // The migrations before the back-fill, in a folder of their own.
    const before = await mkdtemp(path.join(tmpdir(), "desk-migrations-"));
    const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith("_review_desk_data_fixes"));
    await cp(MIGRATIONS_FOLDER, before, { recursive: true });
    await writeFile(path.join(before, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
    try {
      await migrateDatabase(database, before);
      await database.query(`insert into dossiers (dossier_id, last_activity_at) values ('d1', now())`);
      await database.query(`insert into processes (process_id, dossier_id, status, raw, created_at, updated_at, provider_specific, document_type)
        values ('rejected-1', 'd1', 'rejected', '{}', now(), now(), '{"documentVerification": {"documentType": "passport"}}', null),
               ('unknown-1', 'd1', 'rejected', '{}', now(), now(), '{"documentVerification": {"documentType": "unknown"}}', 'identityCard')`);
      await migrateDatabase(database);
      const rows = await database.query<{ process_id: string; document_type: string | null }>("select process_id, document_type from processes order by process_id");
      expect(rows).toEqual([
        { process_id: "rejected-1", document_type: "passport" },
        { process_id: "unknown-1", document_type: "identityCard" },
      ]);
    } finally {
      await rm(before, { recursive: true, force: true });
    }
  });
});
