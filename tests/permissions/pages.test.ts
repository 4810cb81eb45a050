import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { capabilityFor } from "../../lib/auth/route-rules";

/**
 * Every page behind the desk's layout asks `requirePage` for the capability the proxy's route rules ask
 * for its URL. The proxy is the first gate and reads the role from the cookie; requirePage reads the user
 * from the database, so a page without it would show a role that was just taken away. (Who gets what from
 * each page is e2e/permission-matrix.spec.ts.)
 */

const DESK = path.resolve("app/(desk)");

function pagesIn(dir: string, prefix = ""): { file: string; url: string }[] {
  const found: { file: string; url: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_")) continue;
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name.replace(/^\[(.+)\]$/, "x-$1")}`;
      found.push(...pagesIn(path.join(dir, entry.name), `${prefix}${segment}`));
    } else if (/^page\.tsx?$/.test(entry.name)) {
      found.push({ file: path.relative(process.cwd(), path.join(dir, entry.name)), url: prefix || "/" });
    }
  }
  return found;
}

describe("desk pages", () => {
  const pages = pagesIn(DESK);

  it("are found", () => {
    expect(pages.map((p) => p.url)).toContain("/admin");
  });

  it.each(pages)("$file calls requirePage with its route's capability", ({ file, url }) => {
    const source = readFileSync(file, "utf8");
    const asked = [...source.matchAll(/requirePage\(\s*"([a-z.]+)"/g)].map((m) => m[1]);
    expect(asked, `${file} should call requirePage("${capabilityFor(url)}", ...)`).toEqual([capabilityFor(url)]);
  });
});
