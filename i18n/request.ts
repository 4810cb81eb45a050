import { getRequestConfig } from "next-intl/server";
import { getViewer } from "./viewer";

/** next-intl's configuration of this request; no locale in the URL (see i18n/viewer.ts for where it comes from). */
export default getRequestConfig(async () => {
  const { locale, timeZone } = await getViewer();
  const messages = (await import(`../messages/${locale}.json`)).default;
  return { locale, timeZone, messages, now: new Date() };
});
