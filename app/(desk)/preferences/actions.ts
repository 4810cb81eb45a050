"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { requireCapability } from "@/lib/auth/context";
import { parseInput } from "@/lib/parse-input";
import { getCtx } from "@/lib/server/session";
import { COLOR_SCHEMES, LIST_DENSITIES, updateMyPreferences } from "@/lib/staff/preferences";

/** An empty choice is "the browser's": it resets the stored value. */
const browserIfEmpty = (value: FormDataEntryValue | null) => (typeof value === "string" && value !== "" ? value : null);

// Only the languages the desk has messages for; the verb checks the time zone.
const LanguageChoice = z.object({ locale: z.enum(LOCALES as [string, ...string[]]).nullable() });

/** The user menu's language and time-zone choice; the next render (this one's answer) uses them. */
export async function savePreferencesAction(form: FormData): Promise<void> {
  const ctx = await getCtx();
  // Who asks first: an anonymous caller hears "Sign in first", whatever it sent.
  requireCapability(ctx, "processes.read");
  const { locale } = parseInput(LanguageChoice, { locale: browserIfEmpty(form.get("locale")) }, "Not a language of the desk");
  await updateMyPreferences(ctx, { locale, timeZone: browserIfEmpty(form.get("timeZone")) });
  revalidatePath("/", "layout");
}

/** One button of the display choices: a list density, or a colour scheme where "system" clears the choice. */
const DisplayChoice = z.union([
  z.object({ listDensity: z.enum(LIST_DENSITIES) }).strict(),
  z.object({ colorScheme: z.enum([...COLOR_SCHEMES, "system"]).transform((scheme) => (scheme === "system" ? null : scheme)) }).strict(),
]);

/**
 * The display choices in the desk's menu (plain forms: they work before the page's scripts load). The verb
 * checks who asks; a failure reaches the desk's error page rather than a button that seems to do nothing.
 */
export async function chooseDisplayAction(form: FormData): Promise<void> {
  const ctx = await getCtx();
  requireCapability(ctx, "processes.read");
  const asked = Object.fromEntries(["listDensity", "colorScheme"].flatMap((key) => (form.has(key) ? [[key, form.get(key)]] : [])));
  await updateMyPreferences(ctx, parseInput(DisplayChoice, asked, "Not a display choice"));
  // The choice is an attribute of <html>: the root layout renders again.
  revalidatePath("/", "layout");
}
