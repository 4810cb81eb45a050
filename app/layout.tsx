import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TimeSettingsProvider } from "@/components/time-settings";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { getViewer } from "@/i18n/viewer";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return {
    title: { default: t("title"), template: t("titleTemplate") },
    description: t("description"),
    robots: { index: false, follow: false },
  };
}

/**
 * Every page is rendered per request: the content security policy's nonce is new for each answer, and a
 * page prerendered at build time (the 404, /forbidden) would carry none, so the browser would refuse all
 * of its scripts. The language and time zone are the viewer's too (i18n/viewer.ts).
 */
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang={viewer.locale}>
      <body>
        <TimeSettingsProvider settings={{ locale: viewer.locale, timeZone: viewer.timeZone }}>{children}</TimeSettingsProvider>
        <TimeZoneCookie renderedIn={viewer.timeZoneChosen ? null : viewer.timeZone} />
      </body>
    </html>
  );
}
