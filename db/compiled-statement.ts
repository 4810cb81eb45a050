import { is, Param, Placeholder, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

/**
 * A statement that drizzle builds once, with named placeholders, and that each call only binds.
 *
 * drizzle builds a query's text on every execution, walking the builder's nested SQL, column by column: for
 * the process upsert (36 columns, its conflict clause and two more statements around it) that cost more CPU
 * in the webhook worker than everything else the status stage does. `compileStatement` walks it once; `bind`
 * gives a flat SQL of the same text and the call's values, which drizzle renders in one short pass.
 *
 * Values are encoded as drizzle encodes them (a column's `mapToDriverValue`, so jsonb is serialised and
 * dates are ISO text), except that null stays SQL NULL, as it does in drizzle's own path.
 */
export interface CompiledStatement<Values extends Record<string, unknown>> {
  bind(values: Values): SQL;
}

const dialect = new PgDialect();

export function compileStatement<Values extends Record<string, unknown>>(statement: SQL): CompiledStatement<Values> {
  const query = dialect.sqlToQuery(statement);
  // "insert … values ($1, $2)" → ["insert … values (", "1", ", ", "2", ")"]: text, then parameter numbers.
  const pieces = query.sql.split(/\$(\d+)/);
  const texts = pieces.filter((_, i) => i % 2 === 0).map((text) => sql.raw(text));
  const slots = pieces.filter((_, i) => i % 2 === 1).map((n) => query.params[Number(n) - 1]);
  return {
    bind(values) {
      const chunks: (SQL | Param)[] = [texts[0]!];
      slots.forEach((slot, i) => chunks.push(sql.param(valueOf(slot, values)), texts[i + 1]!));
      return sql.join(chunks);
    },
  };
}

function valueOf(slot: unknown, values: Record<string, unknown>): unknown {
  const placeholder = is(slot, Placeholder) ? slot : is(slot, Param) && is(slot.value, Placeholder) ? slot.value : null;
  if (!placeholder) return is(slot, Param) ? slot.value : slot;
  if (!(placeholder.name in values)) throw new Error(`No value for placeholder "${placeholder.name}"`);
  const value = values[placeholder.name];
  return value === null || value === undefined || !is(slot, Param) ? (value ?? null) : slot.encoder.mapToDriverValue(value);
}
