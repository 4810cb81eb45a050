import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:reliability`: the slow proofs (the kill test against the production server, the
 * 10,000-notification storm). Named `*.reliability.ts` so that the main config's `*.test.ts` never picks
 * them up. One file at a time: each loads the machine's two cores on its own.
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/reliability/**/*.reliability.ts"],
    environment: "node",
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    fileParallelism: false,
    maxWorkers: 1,
    server: { deps: { inline: ["server-only"] } },
  },
});
