// @ts-check
// This file is CommonJS, as Next.js loads it.
/* eslint-disable @typescript-eslint/no-require-imports */
const { readdirSync } = require("node:fs");
const createNextIntlPlugin = require("next-intl/plugin");
// Also set by the webhook's own listener (lib/webhooks/webhook-listener.ts), which answers outside Next.js.
const securityHeaders = require("./lib/security/security-headers.json");
/* eslint-enable @typescript-eslint/no-require-imports */

// The desk's languages are the files in messages/: a third language is a file, not a change of code.
const locales = readdirSync(`${__dirname}/messages`).filter((file) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.json$/.test(file)).map((file) => file.slice(0, -5)).sort();

/** @type {import('next').NextConfig} */
const nextConfig = {
  // One build folder per checkout by default; a separate one lets two builds run side by side.
  distDir: process.env.DESK_DIST_DIR || ".next",
  // PGlite loads its wasm and extension bundles from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@react-pdf/renderer"],
  poweredByHeader: false,
  env: { DESK_LOCALES: locales.join(",") },
  // The embedded database and the simulator live outside the app bundle; keep the build from tracing them.
  outputFileTracingExcludes: { "*": [".data/**", "simulator/**", "bench/**", "e2e/**"] },
};

// Every answer carries these; the content security policy comes from proxy.ts, with its nonce.
nextConfig.headers = async () => [{ source: "/:path*", headers: securityHeaders }];

module.exports = createNextIntlPlugin("./i18n/request.ts")(nextConfig);
