import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getDisplayPreferences } from "@/lib/server/display-preferences";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Assure Review Desk", template: "%s · Assure Review Desk" },
  description: "Review identity verifications from Signicat Assure",
  robots: { index: false, follow: false },
};

/**
 * Every page is rendered per request: the content security policy's nonce is new for each answer, and a
 * page prerendered at build time (the 404, /forbidden) would carry none, so the browser would refuse all
 * of its scripts.
 */
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A stored choice is written by the server, so the first paint has it; without one, CSS follows the browser.
  const { colorScheme, listDensity } = await getDisplayPreferences();
  return (
    <html lang="en" data-theme={colorScheme ?? undefined} data-density={listDensity ?? undefined}>
      <body>{children}</body>
    </html>
  );
}
