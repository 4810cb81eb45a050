import os from "node:os";
import postgres from "postgres";
import { benchDatabaseUrl, fmt, recreateBenchDatabase } from "./support/bench-database";

/**
 * `npx tsx --tsconfig tsconfig.scripts.json bench/notify-commits.ts`: what a NOTIFY in a transaction costs
 * writers that commit at the same time, on PostgreSQL (its own database, `desk_bench_notify`). PostgreSQL
 * lets one notifying transaction commit at a time and holds that lock across the commit's WAL flush, so
 * notifying writers take turns at the disk where plain writers share a flush. Three kinds of one-row
 * transaction, each from BENCH_CONNECTIONS (32) connections for BENCH_SECONDS (8): a plain insert, an insert
 * with `pg_notify` (every stored status and zip publishes a desk event so), and the same with
 * `synchronous_commit = off`, as the inbox pump's own connections commit (lib/webhooks/pump-database.ts).
 * Not a test: the numbers depend on the machine, its disk and its load.
 */

const DATABASE = "desk_bench_notify";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

const KINDS = {
  "insert": { notify: false, asyncCommit: false },
  "insert + pg_notify": { notify: true, asyncCommit: false },
  "insert + pg_notify, synchronous_commit off": { notify: true, asyncCommit: true },
} as const;

async function measure(notify: boolean, asyncCommit: boolean): Promise<number> {
  const sql = postgres(benchDatabaseUrl(DATABASE), {
    max: CONNECTIONS,
    onnotice: () => {},
    connection: asyncCommit ? { synchronous_commit: "off" } : {},
  });
  try {
    // Open every connection before the clock starts.
    await Promise.all(Array.from({ length: CONNECTIONS }, () => sql`select 1`));
    let done = 0;
    const until = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          if (notify) await sql`with w as (insert into written (v) values ('x') returning id) select pg_notify('bench_events', id::text) from w`;
          else await sql`insert into written (v) values ('x')`;
          done += 1;
        }
      }),
    );
    return done / ((performance.now() - started) / 1000);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main() {
  await recreateBenchDatabase(DATABASE);
  const setup = postgres(benchDatabaseUrl(DATABASE), { max: 1, onnotice: () => {} });
  await setup`create table written (id bigserial primary key, v text not null)`;
  await setup.end({ timeout: 5 });
  const load = os.loadavg().map((n) => n.toFixed(1)).join(" ");
  const results: [string, number][] = [];
  for (const [name, kind] of Object.entries(KINDS)) results.push([name, await measure(kind.notify, kind.asyncCommit)]);
  console.log(`Commits per second, one-row transactions from ${CONNECTIONS} connections, ${SECONDS} s each; load average at the start ${load}`);
  for (const [name, rate] of results) console.log(`  ${name.padEnd(44)} ${fmt(rate).padStart(7)}/s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
