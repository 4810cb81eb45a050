import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getLayoutCtx } from "@/lib/server/layout-ctx";
import { isTimeZone, type StaffPreferences } from "@/lib/staff/preferences";
import { resolveLocale } from "./locales";
import { TIME_ZONE_COOKIE } from "./time-zone";

export interface Viewer {
  locale: string;
  timeZone: string;
  /** True when the time zone is the user's stored choice, not the browser's. */
  timeZoneChosen: boolean;
  /** The stored colour scheme and list density; null: the browser's scheme, comfortable rows. */
  colorScheme: StaffPreferences["colorScheme"];
  listDensity: StaffPreferences["listDensity"];
}

/**
 * The language, time zone, colour scheme and list density this request renders in: the signed-in user's choice, else the browser's
 * (`Accept-Language`; the time-zone cookie), else English and UTC. Once per request.
 */
export const getViewer = cache(async (): Promise<Viewer> => {
  const [ctx, headerList, cookieJar] = await Promise.all([getLayoutCtx(), headers(), cookies()]);
  const preferences = ctx.user?.preferences;
  const locale = resolveLocale(preferences?.locale, headerList.get("accept-language"));
  const display = { colorScheme: preferences?.colorScheme ?? null, listDensity: preferences?.listDensity ?? null };
  if (preferences?.timeZone) return { locale, timeZone: preferences.timeZone, timeZoneChosen: true, ...display };
  const browserZone = cookieJar.get(TIME_ZONE_COOKIE)?.value;
  return { locale, timeZone: browserZone && isTimeZone(browserZone) ? browserZone : "UTC", timeZoneChosen: false, ...display };
});
