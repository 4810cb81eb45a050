"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { parseInput } from "@/lib/parse-input";
import { getCtx } from "@/lib/server/session";
import { updateMyPreferences } from "@/lib/staff/preferences";

/** An empty choice is "the browser's": it resets the stored value. */
const browserIfEmpty = (value: FormDataEntryValue | null) => (typeof value === "string" && value !== "" ? value : null);

// Only the languages the desk has messages for; the verb checks the time zone.
const LanguageChoice = z.object({ locale: z.enum(LOCALES as [string, ...string[]]).nullable() });

/** The user menu's language and time-zone choice; the next render (this one's answer) uses them. */
export async function savePreferencesAction(form: FormData): Promise<void> {
  const ctx = await getCtx();
  const { locale } = parseInput(LanguageChoice, { locale: browserIfEmpty(form.get("locale")) }, "Not a language of the desk");
  await updateMyPreferences(ctx, { locale, timeZone: browserIfEmpty(form.get("timeZone")) });
  revalidatePath("/", "layout");
}
