import "server-only";
import { cache } from "react";
import { NO_PREFERENCES, type StaffPreferences } from "../staff/preferences";
import { getCtx } from "./session";

/**
 * The signed-in user's context, read once per render and shared by the root layout (which puts the colour
 * scheme and list density on <html>, so the first paint is right) and the desk layout. Pages and server
 * actions keep calling `getCtx`: an action that changes a preference must not see a copy read before it.
 */
export const getLayoutCtx = cache(getCtx);

/** The signed-in user's display choices, or none (the browser's) for a visitor who is not signed in. */
export async function getDisplayPreferences(): Promise<StaffPreferences> {
  return (await getLayoutCtx()).user?.preferences ?? NO_PREFERENCES;
}
