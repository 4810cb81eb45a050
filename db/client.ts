import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** One drizzle type for both engines: services never need to know which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Engine = "postgres" | "pglite";

export interface Database {
  db: Db;
  engine: Engine;
  /** The server's URL (postgres engine only). */
  url?: string;
  /** Runs raw SQL and returns its rows, whatever the engine. */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * LISTENs on a channel; `handler` hears each payload NOTIFY sent on it, at the sender's commit. PostgreSQL:
   * all channels share one dedicated connection per handle (LISTEN cannot use a pooled one), opened on the
   * first call and listening again after a reconnect. PGlite: its own `listen`. Returns the unlisten.
   */
  listen(channel: string, handler: (payload: string) => void, onListening?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL: use that server. Without it, an embedded PGlite database. */
  url?: string;
  /** PGlite's data folder; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /**
   * PostgreSQL only: this pool's commits return before their WAL reaches the disk (`synchronous_commit =
   * off`). For a writer whose every step is recorded and redone from a row of its own (the inbox pump, see
   * lib/webhooks/pump-database.ts), never for the pool that serves staff or acknowledges a notification.
   */
  asyncCommit?: boolean;
}

export function pgliteDataPath(dataDir: string): string {
  return dataDir.startsWith("memory://") ? dataDir : path.resolve(dataDir, "pglite");
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, options.asyncCommit ?? false);
  return openPglite(pgliteDataPath(options.dataDir ?? ".data"));
}

type Sql = ReturnType<typeof postgres>;

/**
 * drizzle runs each query unnamed (`prepare: false`), and for an unnamed statement with parameters
 * postgres.js first asks the server for the parameter types (Parse, Describe, wait) and only then binds
 * and executes: two round trips for every query. As named prepared statements (postgres.js's own default)
 * a statement is described once per connection and then costs one round trip. The proxy asks for that on
 * every query, inside transactions and savepoints too.
 */
function preparingStatements(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: never[], options?: Record<string, unknown>) => target.unsafe(query, params, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: Sql) => unknown;
          const method = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property]!;
          return method.apply(target, [...args, (inner: Sql) => callback(preparingStatements(inner))]);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

function openPostgres(url: string, poolSize: number, asyncCommit: boolean): Database {
  const client = postgres(url, {
    max: poolSize,
    onnotice: () => {},
    // Keep the connection's time zone fixed so timestamps read back identically on every instance.
    // COPY takes no parameters, so the zip read inlines a quoted literal (lib/results/result-store.ts): with
    // standard_conforming_strings on, whatever the server's or database's default, a backslash in it is a
    // plain character and doubling the quotes is all the quoting it needs.
    connection: {
      TimeZone: "UTC",
      application_name: "assure-review-desk",
      standard_conforming_strings: "on",
      ...(asyncCommit ? { synchronous_commit: "off" } : {}),
    },
  });
  // postgres.js runs every listen of one client on a single connection of its own.
  let listener: Sql | undefined;
  return {
    db: drizzlePostgres({ client: preparingStatements(client), schema }) as unknown as Db,
    engine: "postgres",
    url,
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.unsafe(text, params as never[])) as unknown as T[],
    listen: async (channel, handler, onListening) => {
      listener ??= postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "assure-review-desk-listen" } });
      const subscription = await listener.listen(channel, handler, onListening);
      return () => subscription.unlisten();
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), listener?.end({ timeout: 5 })]);
    },
  };
}

async function openPglite(dataPath: string): Promise<Database> {
  // PGlite takes no lock on its folder: callers must not open one folder from two processes.
  const client = await PGlite.create(dataPath, { extensions: { pg_trgm } });
  await client.exec("SET TIME ZONE 'UTC'");
  return {
    db: drizzlePglite({ client, schema }) as unknown as Db,
    engine: "pglite",
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.query<T>(text, params)).rows,
    listen: async (channel, handler, onListening) => {
      const unlisten = await client.listen(channel, handler);
      onListening?.();
      return () => unlisten();
    },
    close: () => client.close(),
  };
}
