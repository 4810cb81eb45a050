import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCtx } from "@/lib/server/session";
import { isTimeZone } from "@/lib/staff/preferences";
import { resolveLocale } from "./locales";
import { TIME_ZONE_COOKIE } from "./time-zone";

export interface Viewer {
  locale: string;
  timeZone: string;
  /** True when the time zone is the user's stored choice, not the browser's. */
  timeZoneChosen: boolean;
}

/**
 * The language and time zone this request renders in: the signed-in user's choice, else the browser's
 * (`Accept-Language`; the time-zone cookie), else English and UTC. Once per request.
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const [ctx, headerList, cookieJar] = await Promise.all([getCtx(), headers(), cookies()]);
  const preferences = ctx.user?.preferences;
  const locale = resolveLocale(preferences?.locale, headerList.get("accept-language"));
  if (preferences?.timeZone) return { locale, timeZone: preferences.timeZone, timeZoneChosen: true };
  const browserZone = cookieJar.get(TIME_ZONE_COOKIE)?.value;
  return { locale, timeZone: browserZone && isTimeZone(browserZone) ? browserZone : "UTC", timeZoneChosen: false };
});
