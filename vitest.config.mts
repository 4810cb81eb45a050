import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: "@", replacement: fileURLToPath(new URL("./", import.meta.url)) },
      // lib/ modules that touch the database import "server-only" so that Next.js refuses them in client code;
      // tests are no client bundle, so the marker resolves to its empty module (as it does on Next's server).
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
    ],
  },
  test: {
    include: ["{lib,db,simulator,app,components,scripts,bench,i18n}/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // PGlite's first open of a new data folder runs initdb (~5 s); integration tests share one per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file owns its database; keep files from competing for the 2 cores' memory and CPU.
    maxWorkers: 2,
  },
});
