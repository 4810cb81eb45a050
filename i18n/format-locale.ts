import "server-only";
import { getTranslations } from "next-intl/server";

/** The locale numbers and dates are written in: the messages' `Locale.format` (`en-GB` for English, `nb-NO`). */
export async function getFormatLocale(): Promise<string> {
  return (await getTranslations("Locale"))("format");
}
