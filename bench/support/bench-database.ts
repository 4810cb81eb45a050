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
