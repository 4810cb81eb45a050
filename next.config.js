// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its wasm and extension bundles from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The embedded database and the simulator live outside the app bundle; keep the build from tracing them.
  outputFileTracingExcludes: { "*": [".data/**", "simulator/**", "bench/**", "e2e/**"] },
};

module.exports = nextConfig;
