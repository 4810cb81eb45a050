// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // One build folder per checkout by default; a separate one lets two builds run side by side.
  distDir: process.env.DESK_DIST_DIR || ".next",
  // PGlite loads its wasm and extension bundles from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The embedded database and the simulator live outside the app bundle; keep the build from tracing them.
  outputFileTracingExcludes: { "*": [".data/**", "simulator/**", "bench/**", "e2e/**"] },
};

module.exports = nextConfig;
