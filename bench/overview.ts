import { loadavg } from "node:os";
import { openDatabase, type Database, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { OverviewFilters } from "../lib/overview/overview-filters";
import {
  failReasons,
  finalTurnaround,
  flaggedFindings,
  intakeHealth,
  retryOutcomes,
  reviewBacklog,
  reviewTurnaround,
  statusPerDay,
} from "../lib/overview/overview-queries";
import { benchDatabaseUrl, ensureBenchDatabase, fmt } from "./support/bench-database";
import { percentile } from "./support/latency";
import { openBaselineConnection } from "./support/baseline-connection";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/overview.ts`: the overview's queries (lib/overview/) for a
 * 90-day range over BENCH_PROCESSES processes (default 1,000,000, spread over a year), with findings, review
 * decisions, retries and a month of inbox rows, on the PostgreSQL server. Each query runs as the desk runs
 * it (prepared, with its indexes) and, as the baseline, the same GROUP BY over the raw tables with the
 * planner denied every index. Target: p95 ≤ 300 ms for each. Prints; asserts nothing.
 *
 * Findings are seeded as the result stage writes them: one row per report and a flagged (`consider`) row per
 * flagged breakdown and sub-breakdown (clear checks have no row).
 */

const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1_000_000);
if (!Number.isInteger(PROCESSES) || PROCESSES < 1_000) throw new Error("BENCH_PROCESSES: a whole number ≥ 1,000");
const DATABASE = PROCESSES === 1_000_000 ? "desk_bench_overview" : `desk_bench_overview_${PROCESSES}`;
const REPS = Number(process.env.BENCH_REPS ?? 20);
const BASELINE_REPS = Math.max(3, Math.round(REPS / 4));
const TARGET_MS = 300;
/** The newest process is created here; the range is the 90 days before. */
const END_DAY = "2026-11-01";
const log = (line: string) => console.log(line);

async function seeded(database: Database): Promise<number> {
  const [row] = await database.query<{ n: number }>("select count(*)::int as n from processes");
  return row?.n ?? 0;
}

async function seed(database: Database): Promise<void> {
  const started = Date.now();
  log(`Seeding ${fmt(PROCESSES)} processes over a year (once; kept in database ${DATABASE})…`);
  await database.query("truncate processes, dossiers, process_findings, review_decisions, process_retries, webhook_inbox, staff_users cascade");
  await database.query(`insert into staff_users (id, email, name, role) values ('bench-officer', 'officer@bench.test', 'Officer', 'compliance')`);
  const dossiers = Math.max(1, Math.floor(PROCESSES / 5));
  await database.query(
    `insert into dossiers (dossier_id, created_at, updated_at, last_activity_at)
     select 'd' || d, now(), now(), now() from generate_series(0, $1::int - 1) d`,
    [dossiers],
  );
  // A process every 365 days / N, newest at END_DAY; the queue's status mix; Onfido's findings for those with a zip.
  const step = (365 * 86_400) / PROCESSES;
  for (let from = 0; from < PROCESSES; from += 100_000) {
    const to = Math.min(PROCESSES, from + 100_000);
    await database.query(
      `with p as (
         select g, 'p' || g as process_id, 'd' || (g % $3::int) as dossier_id,
                timestamptz '${END_DAY}T00:00:00Z' - make_interval(secs => g * $4::float8) as created_at,
                (hashint4(g * 7 + 1) & 2147483647) % 1000 as r, (hashint4(g * 13 + 5) & 2147483647) as h
           from generate_series($1::int, $2::int - 1) g
       ), s as (
         select p.*, case when r < 620 then 'accepted' when r < 700 then 'rejected' when r < 820 then 'inconclusive'
                          when r < 860 then 'failed' when r < 890 then 'canceled' when r < 960 then 'pending' else 'processing' end::process_status as status
           from p
       )
       insert into processes (process_id, dossier_id, provider, process_type, document_type, status, raw, created_at, updated_at,
                              final_at, issuing_country, fail_reason_type)
       select process_id, dossier_id, 'onfido', (array['document','documentSelfie','documentSelfie','documentVideo'])[1 + h % 4],
              (array['passport','identityCard','identityCard','driverLicense','residencePermit'])[1 + (h / 4) % 5], status, '{}'::jsonb,
              created_at, created_at + make_interval(secs => 30 + h % 900),
              case when status in ('accepted','rejected','inconclusive','canceled','failed') then created_at + make_interval(secs => 30 + h % 900) end,
              (array['PRT','NOR','DEU','FRA','ESP','POL','SWE','ITA','NLD','BEL'])[1 + (h / 3) % 10],
              case when status = 'failed' then (array['PROVIDER_ERROR','TIMEOUT','CONSENT_DENIED','MULTIPLE_FACES'])[1 + h % 4] end
         from s`,
      [from, to, dossiers, step],
    );
    log(`  ${fmt(to)} of ${fmt(PROCESSES)}`);
  }
  // Findings of the processes with a zip: the report row, and flagged rows for about one in four of the rejected and inconclusive.
  await database.query(`insert into process_findings (process_id, path, report, depth, result, properties, score, process_created_at)
    select p.process_id, f.path, f.report, f.depth, f.result, f.properties, f.score, p.created_at
      from processes p
      cross join lateral (select substr(p.process_id, 2)::int as g) n
      cross join lateral (values
        ('document', 'document', 0, case when p.status = 'accepted' then 'clear' else 'consider' end,
         jsonb_build_object('document_type', 'passport', 'issuing_country', p.issuing_country), null::float8, 0),
        ('document.image_integrity', 'document', 1, 'consider', null::jsonb, null::float8, 1),
        ('document.image_integrity.image_quality', 'document', 2, 'consider',
         jsonb_build_object((array['blurred_photo','glare_on_photo','dark_photo','cut_off_document'])[1 + (hashint4(n.g) & 3)], 'consider'), null::float8, 1),
        ('document.visual_authenticity', 'document', 1, 'consider', null::jsonb, null::float8, 2),
        ('document.visual_authenticity.original_document_present', 'document', 2, 'consider',
         jsonb_build_object((array['photo_of_screen','screenshot','scan'])[1 + (hashint4(n.g + 1) & 1)], 'consider'), null::float8, 2),
        ('facial_similarity_photo.face_comparison.face_match', 'facial_similarity_photo', 2, 'consider', jsonb_build_object('score', 0.31), 0.31::float8, 3)
      ) as f(path, report, depth, result, properties, score, flag)
     where p.status in ('accepted', 'rejected', 'inconclusive')
       and (f.flag = 0 or (p.status <> 'accepted' and (hashint4(n.g * 4 + f.flag) & 3) = 0))`);
  // Half the reviewable processes decided, a day or so after they became final; one failed process in ten retried.
  await database.query(`insert into review_decisions (process_id, decision, reason_category, note, state, decided_by, decided_at)
    select process_id, 'approve', 'document', '', 'final', 'bench-officer', final_at + make_interval(secs => 3600 + (hashint4(substr(process_id, 2)::int) & 65535))
      from processes where status in ('rejected', 'inconclusive') and (hashint4(substr(process_id, 2)::int * 3) & 1) = 0`);
  await database.query(`insert into process_retries (original_process_id, dossier_id, attempt, idempotency_key, state, new_process_id, parameters, requested_by, requested_at)
    select process_id, dossier_id, 1, 'k' || process_id, 'started', null, '{}'::jsonb, 'bench-officer', final_at + interval '1 hour'
      from processes where status = 'failed' and (hashint4(substr(process_id, 2)::int * 5) & 1023) < 102`);
  // A month of notifications (older done rows are pruned): one per process of the last 30 days.
  await database.query(`insert into webhook_inbox (dedupe_key, received_at, body, headers, dossier_id, process_id, state, stage, status_stored_at, done_at)
    select 'n' || process_id, updated_at, '{}'::jsonb, '{}'::jsonb, dossier_id, process_id,
           case when (hashint4(substr(process_id, 2)::int * 7) & 1023) = 0 then 'dead' else 'done' end::inbox_state, 'status',
           updated_at + interval '400 milliseconds', updated_at + interval '1 second'
      from processes where created_at >= timestamptz '${END_DAY}T00:00:00Z' - interval '30 days'`);
  for (const table of ["processes", "process_findings", "review_decisions", "process_retries", "webhook_inbox"]) await database.query(`vacuum analyze ${table}`);
  log(`Seeded in ${Math.round((Date.now() - started) / 1000)} s.`);
}

interface Measured {
  p50: number;
  p95: number;
}

async function measure(run: () => Promise<unknown>, reps: number): Promise<Measured> {
  await run(); // warm the cache and the prepared statement
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  await ensureBenchDatabase(DATABASE);
  const url = benchDatabaseUrl(DATABASE);
  const database = await openDatabase({ url, poolSize: 4 });
  await migrateDatabase(database);
  if ((await seeded(database)) !== PROCESSES) await seed(database);
  const baseline = openBaselineConnection(url);
  const filters = OverviewFilters.parse({ from: "2026-08-03", to: "2026-10-31" });
  const narrowed = OverviewFilters.parse({ from: "2026-08-03", to: "2026-10-31", type: "documentSelfie", country: "PRT" });
  const now = new Date(`${END_DAY}T00:00:00Z`);
  const queries: [string, (db: Db, f: OverviewFilters) => Promise<unknown>][] = [
    ["per day by status", statusPerDay],
    ["fail reasons", failReasons],
    ["flagged findings", (db, f) => flaggedFindings(db, f)],
    ["created → final", finalTurnaround],
    ["final → decision", reviewTurnaround],
    ["review backlog", (db, f) => reviewBacklog(db, f, now)],
    ["retries", retryOutcomes],
    ["intake per hour", intakeHealth],
  ];
  const [inRange] = await database.query<{ n: number }>(`select count(*)::int as n from processes where created_at >= '2026-08-03' and created_at < '2026-11-01'`);
  log(`\n${fmt(PROCESSES)} processes, ${fmt(inRange?.n ?? 0)} in the 90-day range; load ${loadavg()[0]!.toFixed(1)}; ${REPS} runs each (baseline ${BASELINE_REPS}).`);
  log(`Target: p95 ≤ ${TARGET_MS} ms.\n`);
  log("query                 | filters               | desk p50 / p95 (ms) | baseline: GROUP BY without indexes p50 / p95 (ms) | target");
  log("----------------------|-----------------------|---------------------|----------------------------------------------------|-------");
  for (const [name, run] of queries) {
    for (const [label, f] of [["90 days", filters], ["+ documentSelfie, PRT", narrowed]] as const) {
      const desk = await measure(() => run(database.db, f), REPS);
      const raw = await measure(() => baseline.withoutIndexes((db) => run(db, f)), BASELINE_REPS);
      log(`${name.padEnd(21)} | ${label.padEnd(21)} | ${`${fmt(desk.p50, 1)} / ${fmt(desk.p95, 1)}`.padEnd(19)} | ${`${fmt(raw.p50, 1)} / ${fmt(raw.p95, 1)}`.padEnd(50)} | ${desk.p95 <= TARGET_MS ? "met" : "MISSED"}`);
    }
  }
  const [findings] = await database.query<{ n: number }>("select count(*)::int as n from process_findings");
  log(`\n${fmt(findings?.n ?? 0)} finding rows. The plan of the flagged-findings query:`);
  const plan = await baseline.planOf((db) => flaggedFindings(db, filters));
  log(`  ${plan.nodes.join(" → ")}`);
  await baseline.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
