import "server-only";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
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

/** The values the statement binds besides the row's: the event's time and the dossier's times, as text. */
type UpsertValues = Record<string, unknown> & { eventTime: number; nowText: string; activityText: string };

const compiled = new Map<string, CompiledStatement<UpsertValues>>();

/** The upsert for rows with these keys (`toRow` always gives the same ones), built by drizzle once. */
function upsertStatement(db: Db | Tx, keys: string[]): CompiledStatement<UpsertValues> {
  const shape = keys.join(",");
  let statement = compiled.get(shape);
  if (!statement) {
    statement = compileStatement(buildUpsert(db, keys));
    compiled.set(shape, statement);
  }
  return statement;
}

function buildUpsert(db: Db | Tx, keys: string[]): SQL {
  const row = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as unknown as NewProcessRow;
  const writeProcess = db
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
    // The subquery reads the statement's snapshot, from before this write: the status the event moves from.
    .returning({
      inserted: sql<boolean>`(xmax = 0)`.as("inserted"),
      previous: sql<string | null>`(select before.status from ${processes} as before where before.process_id = ${sql.placeholder("processId")})`.as("previous"),
    });

  // One statement, one round trip: the process row, then its dossier (created or touched, and its
  // process count raised when the process is new). The foreign key from the process to its dossier is
  // checked at the end of the statement, when the dossier exists. A stale process changes nothing but
  // the dossier's sync time; `written` is null then. A written one also publishes its desk event (see
  // lib/events/publish-event.ts) in the same statement: delivered at commit, at no extra round trip.
  const event = sql`json_build_object('k', 'process', 'p', ${sql.placeholder("processId")}::text, 'd', ${sql.placeholder("dossierId")}::text,
    's', ${sql.placeholder("status")}::text, 't', ${sql.placeholder("eventTime")}::bigint)::jsonb
    || case when inserted then '{"n":1}'::jsonb else jsonb_build_object('f', previous) end`;
  return sql`
    with written as (${writeProcess.getSQL()}),
    notified as (select pg_notify(${DESK_EVENT_CHANNEL}, (${event})::text) from written)
    insert into ${dossiers} (dossier_id, first_seen_at, last_synced_at, last_activity_at, process_count)
    values (
      ${sql.placeholder("dossierId")}, ${sql.placeholder("nowText")}::timestamptz, ${sql.placeholder("nowText")}::timestamptz,
      ${sql.placeholder("activityText")}::timestamptz, (select count(*) from written where inserted)
    )
    on conflict (dossier_id) do update set
      last_synced_at = excluded.last_synced_at,
      last_activity_at = greatest(${dossiers.lastActivityAt}, excluded.last_activity_at),
      process_count = ${dossiers.processCount} + excluded.process_count
    returning (select inserted from written) as written, (select count(*) from notified) as notified`;
}

/**
 * Turns an Assure process object into the desk's rows: the one write path for the webhook worker,
 * the sync, retries and the demo seed.
 *
 * Ordering: an older Assure `updatedAt` never overwrites a newer one, and a final status never goes
 * back to a non-final one, so notifications and syncs may arrive in any order.
 */
export async function upsertProcess(db: Db | Tx, input: UpsertProcessInput): Promise<UpsertProcessResult> {
  const process = parseProcess(input.process);
  if (process.dossierId && process.dossierId !== input.dossierId) {
    throw new InvalidInput(`Process ${process.processId} belongs to dossier ${process.dossierId}, not ${input.dossierId}`);
  }
  const now = input.syncedAt ?? new Date();
  const row = toRow(input, process, now);
  const result = await db.execute(
    upsertStatement(db, Object.keys(row)).bind({
      ...row,
      eventTime: Date.now(),
      nowText: now.toISOString(),
      activityText: row.updatedAt!.toISOString(),
    }),
  );
  const written = rowsOf<{ written: boolean | null }>(result)[0]?.written;
  const outcome: UpsertOutcome = written === null || written === undefined ? "stale" : written ? "inserted" : "updated";
  return { processId: process.processId, dossierId: input.dossierId, status: process.status, outcome };
}
