import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/**
 * Layers the linter keeps (README "Layout"). Each pattern matches the `@/` alias and relative paths alike.
 * `eslint.layers.test.ts` lints planted files against these rules and expects each crossing to fail.
 */
const DB = { regex: "^(@/|(\\.\\./)+)db(/.*)?$", message: "Only lib/ reads the database: call a verb or loader from lib/." };
const DRIZZLE = { regex: "^drizzle-orm(/.*)?$", message: "Queries live in lib/: call a verb or loader from lib/." };
const LIB_SERVER = { regex: "^(@/|(\\.\\./)+)lib/server(/.*)?$", message: "lib/server is for pages, route handlers and actions, never shared UI." };
const SERVER_ONLY = { regex: "^server-only$", message: "Shared UI must not be server-only code." };
const SIMULATOR = { regex: "^(@/|(\\.\\./)+)simulator(/.*)?$", message: "lib/ shares no code with the simulator (a program of its own)." };
const LIB = { regex: "^(@/|(\\.\\./)+)lib(/.*)?$", message: "The simulator shares no code with lib/: it stands in for Assure, not for the desk." };
const APP = { regex: "^(@/|(\\.\\./)+)app(/.*)?$", message: "lib/ is the domain: it never imports routes." };
const TESTS = { regex: "^(@/|(\\.\\./)+)tests(/.*)?$", message: "lib/ never imports test support (tests import lib/, not the other way round)." };

/**
 * The read functions behind pages take a bare database handle and check nothing: pages reach them only through
 * their loader (a `get…Page` in lib/, or `getAdminOverview`), which authorizes and decides what the role may see.
 * Their types stay importable: components render what the loaders return.
 */
const PAGE_READS = {
  regex: "^(@/|(\\.\\./)+)lib/(processes/(list-processes|get-process-detail|status-counts)|results/result-view|dossiers/(get-dossier|list-dossiers|count-dossiers)|health/desk-overview)$",
  allowTypeImports: true,
  message: "Pages read through their loader (lib/**/get-*-page.ts), which authorizes: call it instead.",
};

const restrict = (...patterns) => ["error", { patterns }];
/** A file name as a glob: route folders' brackets and parentheses are literal. */
const literal = (file) => file.replace(/[[\]()]/g, "\\$&");

/** For good: the webhook and health handlers hand the database to lib/ themselves (no staff session, no ctx). */
const APP_DB_HANDLERS = ["app/api/health/route.ts", "app/api/webhooks/assure/route.ts"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": restrict(DB, DRIZZLE) } },
  // Tests beside app/ code may build view models from the read functions' pure helpers.
  { files: ["app/**/*.{ts,tsx}"], ignores: ["app/**/*.test.ts"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [PAGE_READS] }] } },
  { files: APP_DB_HANDLERS.map(literal), rules: { "no-restricted-imports": "off" } },
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": restrict(DB, DRIZZLE, LIB_SERVER, SERVER_ONLY) } },
  { files: ["simulator/**/*.ts"], rules: { "no-restricted-imports": restrict(LIB) } },
  // Tests beside lib/ code may use test support and drive the simulator over HTTP; lib's modules may not.
  { files: ["lib/**/*.{ts,tsx}"], ignores: ["lib/**/*.test.ts"], rules: { "no-restricted-imports": restrict(SIMULATOR, APP, TESTS) } },
  {
    // Journeys take test and expect from the fixture that fails them on any CSP violation.
    files: ["e2e/**/*.ts"],
    ignores: ["e2e/support/fixtures.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "@playwright/test", importNames: ["test", "expect"], message: "Import test and expect from e2e/support/fixtures.ts." }],
      }],
    },
  },
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
