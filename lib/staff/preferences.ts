import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { staffUsers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { parseInput } from "../parse-input";

export const LIST_DENSITIES = ["comfortable", "compact"] as const;
export const COLOR_SCHEMES = ["light", "dark"] as const;

/** What a staff member chose for themselves; null everywhere means "follow the browser". */
export interface StaffPreferences {
  locale: string | null;
  timeZone: string | null;
  listDensity: (typeof LIST_DENSITIES)[number] | null;
  colorScheme: (typeof COLOR_SCHEMES)[number] | null;
}

export const NO_PREFERENCES: StaffPreferences = { locale: null, timeZone: null, listDensity: null, colorScheme: null };

/** An IANA zone the runtime knows (`Europe/Oslo`, `UTC`); anything else would throw when formatting. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const PreferencesPatch = z
  .object({
    // A language tag (`en`, `nb`, `pt-BR`); whether the desk has its messages is the caller's check.
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/, "Not a language tag").nullable(),
    timeZone: z.string().max(64).refine(isTimeZone, "Not a time zone").nullable(),
    listDensity: z.enum(LIST_DENSITIES).nullable(),
    colorScheme: z.enum(COLOR_SCHEMES).nullable(),
  })
  .partial()
  .strict();

/** Reads a stored row's values, treating anything the desk no longer knows as "not chosen". */
export function preferencesOf(row: { locale: string | null; timeZone: string | null; listDensity: string | null; colorScheme: string | null }): StaffPreferences {
  return {
    locale: row.locale,
    timeZone: row.timeZone !== null && isTimeZone(row.timeZone) ? row.timeZone : null,
    listDensity: LIST_DENSITIES.find((d) => d === row.listDensity) ?? null,
    colorScheme: COLOR_SCHEMES.find((s) => s === row.colorScheme) ?? null,
  };
}

/**
 * The signed-in user changes their own preferences (any role; only the given keys change, null resets one to
 * the browser's). Not audited: a preference changes what one person sees, never what the desk holds.
 */
export async function updateMyPreferences(ctx: Ctx, input: unknown): Promise<StaffPreferences> {
  const user = requireCapability(ctx, "processes.read");
  const patch = parseInput(PreferencesPatch, input, "Invalid preferences");
  const [row] = await ctx.db
    .update(staffUsers)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(staffUsers.id, user.id))
    .returning({ locale: staffUsers.locale, timeZone: staffUsers.timeZone, listDensity: staffUsers.listDensity, colorScheme: staffUsers.colorScheme });
  if (!row) throw new Error("The signed-in user has no row");
  return preferencesOf(row);
}
