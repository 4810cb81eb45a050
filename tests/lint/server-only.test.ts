import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every lib/ module that touches the database starts with `import "server-only"`, so that Next.js refuses
 * to put it in a client bundle. "Touches" means it imports db/ or drizzle-orm for values, or runs queries on
 * a `db`/`tx` it is handed. `db/enums.ts` is plain constants that client code reaches (the status list) and
 * does not count.
 */
const ROOT = path.resolve(__dirname, "../..");
const DB_VALUE_IMPORT = /^import (?!type )[^;]*from "(drizzle-orm(\/[^"]*)?|(\.\.\/)+db(?!\/enums")(\/[^"]*)?|@\/db(?!\/enums")(\/[^"]*)?)";/m;
const DB_TYPE_IMPORT = /^import type [^;]*from "((\.\.\/)+db(\/[^"]*)?|@\/db(\/[^"]*)?)";/m;
const QUERIES = /\b(db|tx|database)\.(select|insert|update|delete|execute|transaction|query)\b/;

function libModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return libModules(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("server-only", () => {
  it("marks every lib/ module that touches the database", () => {
    const touching = libModules(path.join(ROOT, "lib")).filter((file) => {
      const text = readFileSync(file, "utf8");
      return DB_VALUE_IMPORT.test(text) || (DB_TYPE_IMPORT.test(text) && QUERIES.test(text));
    });
    // The finder itself: if it found nothing, the check below would pass on nothing.
    expect(touching.length).toBeGreaterThan(30);
    const unmarked = touching.filter((file) => !readFileSync(file, "utf8").startsWith('import "server-only";'));
    expect(unmarked.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it("leaves out what client components import: the status list and the queue's URL parsers", () => {
    for (const file of ["lib/assure/schemas.ts", "lib/processes/process-list-query.ts", "db/enums.ts"]) {
      expect(readFileSync(path.join(ROOT, file), "utf8").startsWith('import "server-only";'), file).toBe(false);
    }
  });
});
