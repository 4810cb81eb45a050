import type { Metadata } from "next";
import type { ReactNode } from "react";
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
