import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

/** The PostgreSQL server the benchmarks use: DATABASE_URL's, else the local one. */
export const BENCH_SERVER = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** The address of a benchmark's own database on that server. */
export function benchDatabaseUrl(name: string): string {
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates a benchmark's database, so that each run starts from nothing. */
export async function recreateBenchDatabase(name: string): Promise<void> {
  const admin = postgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Creates a benchmark's database unless it exists (a seeded million rows is kept between runs). */
export async function ensureBenchDatabase(name: string): Promise<void> {
  const admin = postgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!found) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Numbers as the benchmarks print them. */
export const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * A benchmark's database copied from a seeded template (`<name>_seed`), seeding the template only when its
 * key changed: a million rows take minutes to seed and seconds to copy, so a run measured on a quiet machine
 * need not also seed on it. The key should name what the seed depends on (sizes, and `migrationsKey()`).
 */
export async function databaseFromSeed(name: string, key: string, seed: (url: string) => Promise<void>, log: (line: string) => void = () => {}): Promise<void> {
  const template = `${name}_seed`;
  const admin = postgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin<{ key: string | null }[]>`
      select shobj_description(oid, 'pg_database') as key from pg_database where datname = ${template}`;
    if (found?.key !== key) {
      log(found ? `  the seeded template ${template} is out of date: seeding it again` : `  seeding the template ${template} (kept for later runs)`);
      await admin.unsafe(`drop database if exists "${template}" with (force)`);
      await admin.unsafe(`create database "${template}"`);
      await seed(benchDatabaseUrl(template));
      await admin.unsafe(`comment on database "${template}" is ${quoteLiteral(key)}`);
    } else {
      log(`  copying the seeded template ${template}`);
    }
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A hash of the committed migrations: a seeded template made under other migrations is seeded again. */
export function migrationsKey(): string {
  const dir = path.join(process.cwd(), "drizzle");
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  return hash.digest("hex").slice(0, 16);
}
