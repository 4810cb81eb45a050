import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keepingFiles } from "./keep-files";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("keepingFiles", () => {
  it("puts back a file the work rewrote and removes one it created, also when the work throws", () => {
    dir = mkdtempSync(path.join(tmpdir(), "desk-keep-"));
    const tsconfig = path.join(dir, "tsconfig.json");
    const created = path.join(dir, "next-env.d.ts");
    writeFileSync(tsconfig, '{ "include": ["**/*.ts"] }\n');
    const answer = keepingFiles([tsconfig, created], () => {
      writeFileSync(tsconfig, '{ "include": ["**/*.ts", ".next-reliability/types/**/*.ts"] }\n');
      writeFileSync(created, "/// <reference types='next' />\n");
      return 42;
    });
    expect(answer).toBe(42);
    expect(readFileSync(tsconfig, "utf8")).toBe('{ "include": ["**/*.ts"] }\n');
    expect(existsSync(created)).toBe(false);

    expect(() =>
      keepingFiles([tsconfig], () => {
        writeFileSync(tsconfig, "{}");
        throw new Error("build failed");
      }),
    ).toThrow("build failed");
    expect(readFileSync(tsconfig, "utf8")).toBe('{ "include": ["**/*.ts"] }\n');
  });
});
