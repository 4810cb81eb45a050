"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseInput } from "@/lib/parse-input";
import { getCtx } from "@/lib/server/session";
import { COLOR_SCHEMES, LIST_DENSITIES, updateMyPreferences } from "@/lib/staff/preferences";

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
  const asked = Object.fromEntries(["listDensity", "colorScheme"].flatMap((key) => (form.has(key) ? [[key, form.get(key)]] : [])));
  await updateMyPreferences(ctx, parseInput(DisplayChoice, asked, "Not a display choice"));
  // The choice is an attribute of <html>: the root layout renders again.
  revalidatePath("/", "layout");
}
