import { ESLint } from "eslint";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layers in eslint.config.mjs, proven: files planted (by path, through ESLint's Node API) in each layer
 * import across it and must fail `npm run lint`; the same files importing what they may must pass.
 */
const ROOT = path.resolve(__dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const use = (...names: string[]) => `${names.map((n, i) => `import * as m${i} from "${n}";`).join("\n")}\nexport const used = [${names.map((_, i) => `m${i}`).join(", ")}];\n`;

// The first lint loads the whole Next.js and typescript-eslint configuration: seconds on a busy machine.
describe("the layers the linter keeps", { timeout: 90_000 }, () => {
  it("app/ may not import the database or drizzle-orm", async () => {
    for (const source of ["@/db", "@/db/schema", "../../db/client", "drizzle-orm", "drizzle-orm/pg-core"]) {
      expect(await restrictedImports("app/(desk)/planted/page.tsx", use(source)), source).toHaveLength(1);
    }
    expect(await restrictedImports("app/(desk)/planted/page.tsx", use("@/lib/processes/list-processes", "@/lib/server/session"))).toEqual([]);
  });

  it("only the webhook and health handlers are excepted in app/", async () => {
    expect(await restrictedImports("app/api/webhooks/assure/route.ts", use("@/db"))).toEqual([]);
    expect(await restrictedImports("app/api/health/route.ts", use("@/db"))).toEqual([]);
    expect(await restrictedImports("app/(desk)/admin/page.tsx", use("@/db"))).toHaveLength(1);
    expect(await restrictedImports("app/(desk)/admin/inbox/actions.ts", use("@/db"))).toHaveLength(1);
    expect(await restrictedImports("app/(desk)/dossiers/[dossierId]/page.tsx", use("@/db"))).toHaveLength(1);
    expect(await restrictedImports("app/api/audit/export/route.ts", use("@/db"))).toHaveLength(1);
    expect(await restrictedImports("app/(desk)/dossiers/[dossierId]/processes/[processId]/page.tsx", use("@/db"))).toHaveLength(1);
  });

  it("app/ reaches the page-facing read functions only through loaders (their types stay importable)", async () => {
    const pageReads = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath: path.join(ROOT, filePath) }))[0]!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
    for (const source of ["@/lib/processes/list-processes", "@/lib/processes/get-process-detail", "@/lib/results/result-view", "@/lib/dossiers/get-dossier", "@/lib/health/desk-overview", "../../lib/dossiers/list-dossiers"]) {
      expect(await pageReads("app/(desk)/planted/page.tsx", use(source)), source).toHaveLength(1);
    }
    expect(await pageReads("app/(desk)/planted/page.tsx", 'import type { ProcessPage } from "@/lib/processes/list-processes";\nexport type P = ProcessPage;\n')).toEqual([]);
    expect(await pageReads("app/(desk)/planted/page.tsx", use("@/lib/processes/get-process-list-page", "@/lib/server/load-page"))).toEqual([]);
  });

  it("components/ may not import the database, lib/server or server-only code", async () => {
    for (const source of ["@/db", "../db/schema", "drizzle-orm", "@/lib/server/session", "../lib/server/action-result", "server-only"]) {
      expect(await restrictedImports("components/planted.tsx", use(source)), source).toHaveLength(1);
    }
    expect(await restrictedImports("components/planted.tsx", use("@/lib/onfido/labels", "./format"))).toEqual([]);
  });

  it("simulator/ and lib/ do not import each other", async () => {
    expect(await restrictedImports("simulator/planted.ts", use("@/lib/assure/schemas"))).toHaveLength(1);
    expect(await restrictedImports("simulator/api/planted.ts", use("../../lib/assure/client"))).toHaveLength(1);
    expect(await restrictedImports("simulator/planted.ts", use("./config"))).toEqual([]);
    expect(await restrictedImports("lib/assure/planted.ts", use("../../simulator/server"))).toHaveLength(1);
    expect(await restrictedImports("lib/assure/planted.ts", use("@/simulator/config"))).toHaveLength(1);
  });

  it("lib/ may not import app/ or tests/, though tests beside lib/ code may use test support", async () => {
    expect(await restrictedImports("lib/processes/planted.ts", use("@/app/(desk)/processes/search-params"))).toHaveLength(1);
    expect(await restrictedImports("lib/processes/planted.ts", use("../../tests/support/fixtures"))).toHaveLength(1);
    expect(await restrictedImports("lib/processes/planted.test.ts", use("../../tests/support/fixtures"))).toEqual([]);
    expect(await restrictedImports("lib/processes/planted.ts", use("../../db/schema", "drizzle-orm", "../errors"))).toEqual([]);
  });
});
