import "server-only";
import { and, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog, staffUsers } from "../../db/schema";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { dayEndIn, dayStartIn } from "../lists/zoned-day";
import { parseInput } from "../parse-input";
import { isTimeZone } from "../staff/preferences";
import { CSV_BOM, csvLine, type CsvValue } from "../exports/csv-format";
import { describeAuditEntry } from "./describe-audit";
import { recordAudit } from "./record-audit";

export const AuditFilters = z.object({
  /** Part of the actor's email. */
  who: z.string().trim().max(320).optional(),
  /** An action, or its prefix: `review`, `auth.sign_in_failed`. */
  what: z.string().trim().max(100).optional(),
  dossierId: z.string().trim().max(200).optional(),
  /** Days (`YYYY-MM-DD`) in `tz`, both included. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** The viewer's time zone, which `from` and `to` are days in. Unset: UTC. */
  tz: z.string().max(64).refine(isTimeZone, "not a time zone").optional(),
  /** Rows older than this id (keyset paging; ids grow with time). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { message: "the date range ends before it starts", path: ["to"] });
export type AuditFilters = z.input<typeof AuditFilters>;

function where(filters: z.infer<typeof AuditFilters>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filters.who ? ilike(auditLog.actorEmail, `%${filters.who.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    filters.what ? or(eq(auditLog.action, filters.what), ilike(auditLog.action, `${filters.what.replace(/[%_\\]/g, "\\$&")}.%`)) : undefined,
    filters.dossierId ? eq(auditLog.dossierId, filters.dossierId) : undefined,
    filters.from ? gte(auditLog.at, dayStartIn(filters.from, filters.tz)) : undefined,
    filters.to ? lt(auditLog.at, dayEndIn(filters.to, filters.tz)) : undefined,
    filters.before ? lt(auditLog.id, filters.before) : undefined,
  ];
  return and(...conditions.filter(Boolean));
}

function parse(input: unknown) {
  return parseInput(AuditFilters, input, "Invalid audit filter");
}

/**
 * One page of entries, newest first, each with the actor's name as the staff list has it now (the entry
 * keeps the email and role of the time) and the entry read as a sentence (a message key and its values).
 */
export async function listAudit(ctx: Ctx, input: unknown) {
  requireCapability(ctx, "audit.read");
  const filters = parse(input);
  const rows = await ctx.db
    .select({ entry: auditLog, actorName: staffUsers.name })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
    .where(where(filters))
    .orderBy(desc(auditLog.id))
    .limit(filters.limit + 1);
  const items = rows.slice(0, filters.limit).map(({ entry, actorName }) => ({ ...entry, actorName, sentence: describeAuditEntry(entry.action, entry.details) }));
  return { items, nextBefore: rows.length > filters.limit ? (items.at(-1)?.id ?? null) : null };
}

const CSV_COLUMNS = ["id", "at", "actorEmail", "actorRole", "action", "dossierId", "processId", "target", "address", "details"] as const;

/** The filtered audit rows as CSV (up to 10,000 rows); the export is itself audited. */
export async function exportAuditCsv(ctx: Ctx, input: unknown): Promise<string> {
  requireCapability(ctx, "audit.read");
  const filters = parse({ ...(input as object), limit: 10_000 });
  const rows = await ctx.db.select().from(auditLog).where(where(filters)).orderBy(desc(auditLog.id)).limit(filters.limit);
  await recordAudit(ctx.db, actorOf(ctx), { action: "audit.export", details: { filters: { ...filters, limit: undefined }, rows: rows.length } });
  const cell = (value: unknown): CsvValue => (value != null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : (value as CsvValue));
  return CSV_BOM + csvLine(CSV_COLUMNS) + rows.map((row) => csvLine(CSV_COLUMNS.map((c) => cell(row[c])))).join("");
}
