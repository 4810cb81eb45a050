import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:reliability`: the slow proofs (the kill test against the production server, the
 * 10,000-notification storm). Named `*.reliability.ts` so that the main config's `*.test.ts` never picks
 * them up. One file at a time: each loads the machine's two cores on its own.
 */
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
    include: ["tests/reliability/**/*.reliability.ts"],
    environment: "node",
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
