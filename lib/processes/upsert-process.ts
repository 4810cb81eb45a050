import "server-only";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { compileStatement, type CompiledStatement } from "../../db/compiled-statement";
import type { Db, Tx } from "../../db/client";
import { rowsOf } from "../../db/rows-of";
import { dossiers, processes, type NewProcessRow } from "../../db/schema";
import { FINAL_STATUSES, isFinalStatus, ProcessSchema, type AssureProcess, type ProcessStatus } from "../assure/schemas";
import { InvalidInput } from "../errors";
import { parseInput } from "../parse-input";
import { DESK_EVENT_CHANNEL } from "../events/publish-event";
import { extractLookup } from "./extract-lookup";

export interface UpsertProcessInput {
  /** The documented process object does not name its dossier: the caller knows it from the URL it fetched. */
  dossierId: string;
  /** An Assure process object as received (parsed here). */
  process: unknown;
  /** Set when the desk created this process as a retry of another. */
  retryOfProcessId?: string | null;
  /** When the object was read from Assure; defaults to now. */
  syncedAt?: Date;
}

export type UpsertOutcome = "inserted" | "updated" | "stale";

export interface UpsertProcessResult {
  processId: string;
  dossierId: string;
  status: ProcessStatus;
  /** `stale`: what we hold is newer (a later `updatedAt`, or final where this one is not); nothing changed. */
  outcome: UpsertOutcome;
}

/** Assure's SDK token for the end-user: a credential, so it never reaches our database or screens. */
const REDACTED = "[redacted]";

export function parseProcess(value: unknown): AssureProcess {
  return parseInput(ProcessSchema, value, "Not an Assure process object");
}

function toRow(input: UpsertProcessInput, process: AssureProcess, now: Date): NewProcessRow {
  const raw: Record<string, unknown> = { ...process };
  if (raw.authorization != null) raw.authorization = REDACTED;
  const createdAt = new Date(process.createdAt ?? process.updatedAt ?? now);
  const updatedAt = new Date(process.updatedAt ?? process.createdAt ?? now);
  return {
    processId: process.processId,
    dossierId: input.dossierId,
    provider: process.provider ?? null,
    processType: process.processType ?? null,
    status: process.status,
    processParameters: process.processParameters ?? null,
    finalResult: process.finalResult ?? null,
    providerSpecific: process.providerSpecific ?? null,
    failReasonType: process.failReason?.type ?? null,
    failReasonMessage: process.failReason?.message ?? null,
    raw,
    createdAt,
    updatedAt,
    firstSeenAt: now,
    lastSyncedAt: now,
    retryOfProcessId: input.retryOfProcessId ?? null,
    finalAt: isFinalStatus(process.status) ? updatedAt : null,
    ...extractLookup(process),
  };
}

const PROCESS_COLUMNS = getTableColumns(processes);
const KEPT_ON_UPDATE = new Set(["processId", "firstSeenAt", "retryOfProcessId"]);
/** Look-up columns the result stage may have filled from the zip's document report: a later copy without them keeps them. */
const FILLED_FROM_RESULT = new Set(["firstName", "lastName", "nameSearch", "documentNumber", "documentType", "dateOfBirth", "nationality", "issuingCountry"]);

/** The first final copy's time stays: a later copy of a final process (a sync, a replay) does not move it. */
const FIRST_WINS = new Set(["finalAt"]);

/**
 * On conflict the columns this row carries (all of them but the id, the first-seen time and the retry
 * link) take the new values, read from `excluded` rather than sent a second time as parameters: half the
 * parameters and bytes, and half the statement for drizzle to build. Columns the row does not carry are
 * left alone.
 */
function updateFromExcluded(row: NewProcessRow): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const key of Object.keys(row) as (keyof typeof PROCESS_COLUMNS)[]) {
    const column = PROCESS_COLUMNS[key];
    if (KEPT_ON_UPDATE.has(key) || !column) continue;
    set[key] = FILLED_FROM_RESULT.has(key)
      ? sql.raw(`coalesce(excluded."${column.name}", "processes"."${column.name}")`)
      : FIRST_WINS.has(key)
        ? sql.raw(`coalesce("processes"."${column.name}", excluded."${column.name}")`)
        : sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

const finalList = sql.raw(FINAL_STATUSES.map((s) => `'${s}'`).join(", "));

/** The values the statement binds: the rows as one JSON array, and the time of their desk events. */
type UpsertValues = { rows: string; eventTime: number };

const compiled = new Map<string, CompiledStatement<UpsertValues>>();

/** The upsert for rows with these keys (`toRow` always gives the same ones), built by drizzle once. */
function upsertStatement(db: Db | Tx, keys: (keyof NewProcessRow)[]): CompiledStatement<UpsertValues> {
  const shape = keys.join(",");
  let statement = compiled.get(shape);
  if (!statement) {
    statement = compileStatement(buildUpsert(db, keys));
    compiled.set(shape, statement);
  }
  return statement;
}

function buildUpsert(db: Db | Tx, keys: (keyof NewProcessRow)[]): SQL {
  const columns = keys.map((key) => PROCESS_COLUMNS[key]);
  const names = sql.raw(columns.map((column) => `"${column.name}"`).join(", "));
  const record = sql.raw(columns.map((column) => `"${column.name}" ${column.getSQLType()}`).join(", "));
  const row = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as unknown as NewProcessRow;
  // drizzle writes the conflict clause; the rows come from the JSON array instead of a VALUES list.
  const conflict = db
    .insert(processes)
    .values(row)
    .onConflictDoUpdate({
      target: processes.processId,
      set: {
        ...updateFromExcluded(row),
        retryOfProcessId: sql`coalesce(excluded.retry_of_process_id, ${processes.retryOfProcessId})`,
      },
      setWhere: sql`${processes.updatedAt} <= excluded.updated_at
        and not (${processes.status} in (${finalList}) and excluded.status not in (${finalList}))`,
    })
    .getSQL();
  const onConflict = new PgDialect().sqlToQuery(conflict).sql.replace(/^[\s\S]*?\son conflict /i, "on conflict ");
  if (!onConflict.startsWith("on conflict ") || /\$\d/.test(onConflict)) throw new Error(`Unexpected conflict clause from drizzle: ${onConflict.slice(0, 80)}`);

  // One statement, one round trip and one commit for the whole batch: the process rows, then their dossiers
  // (created or touched, and their process counts raised by the new processes). The foreign key from a
  // process to its dossier is checked at the end of the statement, when the dossier exists. A stale process
  // changes nothing but its dossier's sync time and is not in `written`. Each written one also publishes its
  // desk event (lib/events/publish-event.ts) in the same statement: delivered at commit, at no extra round
  // trip. The `previous` subquery reads the statement's snapshot, from before this write: the status the
  // event moves from.
  const event = sql`json_build_object('k', 'process', 'p', w.process_id, 'd', w.dossier_id, 's', w.status,
    't', ${sql.placeholder("eventTime")}::bigint)::jsonb
    || case when w.inserted then '{"n":1}'::jsonb else jsonb_build_object('f', w.previous) end`;
  return sql`
    with incoming as (
      select * from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb) as r(${record})
    ),
    written as (
      insert into ${processes} (${names}) select ${names} from incoming
      ${sql.raw(onConflict)}
      returning process_id, dossier_id, status, (xmax = 0) as inserted,
        (select before.status from ${processes} as before where before.process_id = ${processes}.process_id) as previous
    ),
    touched as (
      insert into ${dossiers} (dossier_id, first_seen_at, last_synced_at, last_activity_at, process_count)
      select i.dossier_id, min(i.last_synced_at), max(i.last_synced_at), max(i.updated_at),
        (select count(*) from written w where w.dossier_id = i.dossier_id and w.inserted)
        from incoming i group by i.dossier_id
      on conflict (dossier_id) do update set
        last_synced_at = excluded.last_synced_at,
        last_activity_at = greatest(${dossiers.lastActivityAt}, excluded.last_activity_at),
        process_count = ${dossiers.processCount} + excluded.process_count
    )
    select w.process_id as "processId", w.inserted, pg_notify(${DESK_EVENT_CHANNEL}, (${event})::text) is null as notified
      from written w`;
}

/**
 * Turns an Assure process object into the desk's rows: the one write path for the webhook worker,
 * the sync, retries and the demo seed.
 *
 * Ordering: an older Assure `updatedAt` never overwrites a newer one, and a final status never goes
 * back to a non-final one, so notifications and syncs may arrive in any order.
 */
export async function upsertProcess(db: Db | Tx, input: UpsertProcessInput): Promise<UpsertProcessResult> {
  const [outcome] = await upsertProcesses(db, [input]);
  if (outcome instanceof Error) throw outcome;
  return outcome!;
}

/**
 * `upsertProcess` for many processes in one statement (the webhook pump's status stage stores what its
 * rows in flight read in the same turn together: lib/batching/batcher.ts). One outcome per input, in
 * order: an input that is not a process object of the dossier named is answered with its InvalidInput and
 * the others are stored. The same process twice is stored in two statements, in the order given.
 */
export async function upsertProcesses(db: Db | Tx, inputs: UpsertProcessInput[]): Promise<(UpsertProcessResult | InvalidInput)[]> {
  const now = new Date();
  const outcomes: (UpsertProcessResult | InvalidInput)[] = [];
  const rows: { index: number; row: NewProcessRow }[] = [];
  inputs.forEach((input, index) => {
    try {
      const process = parseProcess(input.process);
      if (process.dossierId && process.dossierId !== input.dossierId) {
        throw new InvalidInput(`Process ${process.processId} belongs to dossier ${process.dossierId}, not ${input.dossierId}`);
      }
      outcomes[index] = { processId: process.processId, dossierId: input.dossierId, status: process.status, outcome: "stale" };
      rows.push({ index, row: toRow(input, process, input.syncedAt ?? now) });
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      outcomes[index] = error;
    }
  });
  for (const round of roundsOfDistinct(rows)) {
    const keys = Object.keys(round[0]!.row) as (keyof NewProcessRow)[];
    const json = JSON.stringify(round.map(({ row }) => Object.fromEntries(keys.map((key) => [PROCESS_COLUMNS[key].name, row[key] ?? null]))));
    const written = rowsOf<{ processId: string; inserted: boolean }>(
      await db.execute(upsertStatement(db, keys).bind({ rows: json, eventTime: Date.now() })),
    );
    const inserted = new Map(written.map((w) => [w.processId, w.inserted]));
    for (const { index, row } of round) {
      const was = inserted.get(row.processId);
      if (was !== undefined) (outcomes[index] as UpsertProcessResult).outcome = was ? "inserted" : "updated";
    }
  }
  return outcomes;
}

/**
 * The rows split so that no process appears twice in one statement (PostgreSQL refuses to update a row twice
 * in one INSERT … ON CONFLICT), keeping each process's copies in their order.
 */
function roundsOfDistinct<T extends { row: NewProcessRow }>(rows: T[]): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const entry of rows) {
    const round = seen.get(entry.row.processId) ?? 0;
    seen.set(entry.row.processId, round + 1);
    (rounds[round] ??= []).push(entry);
  }
  return rounds;
}
