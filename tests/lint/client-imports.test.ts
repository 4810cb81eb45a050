import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The client diet: what the browser loads is what client components import, so no module reachable from a
 * "use client" file (or instrumentation-client.ts) may import zod (the server parses; nuqs parsers read the
 * URL) or next-auth's client (sign-out is a plain form POST). Type-only imports cost nothing and are skipped;
 * a "use server" module reaches the client only as references to its actions.
 */
const ROOT = path.resolve(__dirname, "../..");
const BANNED = ["zod", "next-auth/react"];
const IMPORT = /^(?:import|export)\s+(type\s+)?(?:([\s\S]*?)\s+from\s+)?"([^"]+)";/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The value imports of a module: local files to follow, and packages. */
export function valueImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const [, typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    // `import { type A, type B } from …` brings in nothing at run time either.
    const names = clause?.match(/^\{([\s\S]*)\}$/)?.[1]?.split(",").map((n) => n.trim()).filter(Boolean);
    if (names && names.length > 0 && names.every((n) => n.startsWith("type "))) continue;
    found.push(specifier!);
  }
  return found;
}

/** For each banned package a client module reaches: the chain of files that leads to it. */
function bannedReaches(entries: string[]): string[] {
  const reached: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    if (chain.length > 0 && /^["']use server["'];/m.test(text)) return;
    for (const specifier of valueImports(text)) {
      const here = [...chain, path.relative(ROOT, file)];
      if (BANNED.some((banned) => specifier === banned || specifier.startsWith(`${banned}/`))) reached.push(`${here.join(" → ")} → ${specifier}`);
      else if (specifier.startsWith(".") || specifier.startsWith("@/")) {
        const next = resolveLocal(file, specifier);
        if (next) walk(next, here);
      }
    }
  };
  for (const entry of entries) walk(entry, []);
  return reached;
}

describe("client bundle", () => {
  it("reads type-only imports as costing nothing", () => {
    expect(valueImports('import type { A } from "zod";\nimport { type B } from "x";\nimport { C, type D } from "y";\nimport "z";')).toEqual(["y", "z"]);
  });

  it("no client component reaches zod or next-auth's client", () => {
    const clientEntries = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "components"))].filter((file) =>
      /^["']use client["'];/m.test(readFileSync(file, "utf8")),
    );
    // The finder itself: the lists' filters and tables are client components.
    expect(clientEntries.length).toBeGreaterThan(15);
    const instrumentation = path.join(ROOT, "instrumentation-client.ts");
    const entries = existsSync(instrumentation) ? [...clientEntries, instrumentation] : clientEntries;
    // The sign-in page may keep next-auth's client: no desk page loads it.
    const reached = bannedReaches(entries.filter((file) => !file.includes(`${path.sep}sign-in${path.sep}`)));
    expect(reached).toEqual([]);
  });
});
