import "server-only";
import { cache } from "react";
import { getCtx } from "./session";

/**
 * The signed-in user's context, read once per render and shared by what every page's frame needs: the
 * viewer's language, time zone and display choices (i18n/viewer.ts, for <html>) and the desk layout. Pages
 * and server actions keep calling `getCtx`: an action that changes a preference must not see a copy read
 * before it.
 */
export const getLayoutCtx = cache(getCtx);
