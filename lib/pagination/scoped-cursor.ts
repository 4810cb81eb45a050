import "server-only";
import { createHash } from "node:crypto";
import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { InvalidInput } from "../errors";

/**
 * A keyset cursor that knows which list it belongs to. A position taken under one sort or filter means
 * nothing under another (it would silently skip or repeat rows), so each cursor carries a short hash of
 * its sort and filters and is refused elsewhere with a clear message.
 *
 * The time is kept as PostgreSQL's exact text with microseconds: a JavaScript Date keeps milliseconds,
 * and rounding would skip or repeat rows that share a millisecond.
 */

export type CursorDirection = "next" | "prev";

export interface CursorPosition {
  /** `YYYY-MM-DDThh:mm:ss.ffffffZ`, as `exactTimestamp` selects it. */
  at: string;
  id: string;
}

export interface ScopedCursor extends CursorPosition {
  direction: CursorDirection;
}

const EXACT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const Encoded = z.tuple([
  z.literal(1),
  z.string().length(16),
  z.enum(["n", "p"]),
  z.string().regex(EXACT_TIMESTAMP),
  z.string().min(1).max(200),
]);

/** A short, stable fingerprint of what a list was asked for (its sort and filters, not its page size). */
export function cursorScope(view: unknown): string {
  return createHash("sha256").update(JSON.stringify(view)).digest("base64url").slice(0, 16);
}

export function encodeCursor(scope: string, cursor: ScopedCursor): string {
  const payload = [1, scope, cursor.direction === "prev" ? "p" : "n", cursor.at, cursor.id];
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeCursor(scope: string, cursor: string): ScopedCursor {
  let decoded: z.infer<typeof Encoded>;
  try {
    decoded = Encoded.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new InvalidInput("This page link is damaged; start again from the first page");
  }
  const [, cursorScope, direction, at, id] = decoded;
  if (cursorScope !== scope) {
    throw new InvalidInput("This page link belongs to another sort or filter; start again from the first page");
  }
  return { direction: direction === "p" ? "prev" : "next", at, id };
}

/** The column's exact value as text for a cursor (UTC, microseconds). */
export function exactTimestamp(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export interface KeysetPlan {
  /** Rows strictly beyond the cursor, in the order the query reads them; undefined on the first page. */
  where: SQL | undefined;
  /** Whether the query reads in descending order (a previous page reads the list backwards). */
  descending: boolean;
  /** A previous page is read backwards: reverse its rows before showing them. */
  reverse: boolean;
}

/** How to read one page of a list ordered by (time, id) in `order`, starting after `cursor`. */
export function planKeyset(time: AnyColumn, id: AnyColumn, order: "asc" | "desc", cursor: ScopedCursor | null): KeysetPlan {
  const backwards = cursor?.direction === "prev";
  const descending = (order === "desc") !== backwards;
  if (!cursor) return { where: undefined, descending, reverse: false };
  // A row comparison, which a btree on (time, id) serves directly in either direction.
  const where = descending
    ? sql`(${time}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id})`
    : sql`(${time}, ${id}) > (${cursor.at}::timestamptz, ${cursor.id})`;
  return { where, descending, reverse: backwards };
}

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
}

/**
 * Turns the `limit + 1` rows a plan read into a page and the cursors around it. Going forward, the
 * extra row says whether a next page exists and a cursor says a previous one does; going back, the
 * other way round.
 */
export function toKeysetPage<T>(
  rows: T[],
  limit: number,
  plan: KeysetPlan,
  cursor: ScopedCursor | null,
  scope: string,
  positionOf: (row: T) => CursorPosition,
): KeysetPage<T> {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  if (plan.reverse) items.reverse();
  const first = items[0];
  const last = items.at(-1);
  const hasNext = plan.reverse ? cursor !== null : more;
  const hasPrev = plan.reverse ? more : cursor !== null;
  return {
    items,
    nextCursor: hasNext && last ? encodeCursor(scope, { ...positionOf(last), direction: "next" }) : null,
    prevCursor: hasPrev && first ? encodeCursor(scope, { ...positionOf(first), direction: "prev" }) : null,
  };
}

/** How a list's page is read: beyond the cursor (`where`), in the plan's order, `limit` rows (one more than shown). */
export interface KeysetRead {
  where: SQL | undefined;
  orderBy: [SQL, SQL];
  limit: number;
}

/**
 * One page of a list ordered by (time, id), as both lists read it: the cursor checked against the view's
 * scope, the rows `read` finds for the plan of a sort written `column.asc|desc`, and the page without the
 * rows' `position` (the exact time, for the cursors).
 */
export async function readKeysetPage<R extends { position: string }>(
  view: { scope: string; cursor: string | null | undefined; time: AnyColumn; id: AnyColumn; sort: string; limit: number },
  read: (query: KeysetRead) => Promise<R[]>,
  idOf: (row: R) => string,
): Promise<KeysetPage<Omit<R, "position">>> {
  const cursor = view.cursor ? decodeCursor(view.scope, view.cursor) : null;
  const plan = planKeyset(view.time, view.id, view.sort.endsWith("asc") ? "asc" : "desc", cursor);
  const order = plan.descending ? desc : asc;
  const rows = await read({ where: plan.where, orderBy: [order(view.time), order(view.id)], limit: view.limit + 1 });
  const page = toKeysetPage(rows, view.limit, plan, cursor, view.scope, (row) => ({ at: row.position, id: idOf(row) }));
  return { ...page, items: page.items.map(({ position: _position, ...item }) => item) };
}
