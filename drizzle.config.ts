import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file: migrations are applied from code (db/migrate.ts),
// because drizzle-kit's own migrate loads no PGlite extensions.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./drizzle",
  casing: undefined,
});
