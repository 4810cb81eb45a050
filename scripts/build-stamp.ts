import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Everything that goes into `next build`. Tests, e2e, the simulator and benchmarks do not. */
const INPUT_DIRS = ["app", "components", "lib", "db", "public"];
const INPUT_FILES = ["next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "package.json"];
/** Must match next.config.js's `distDir`. */
export const DIST_DIR = process.env.DESK_DIST_DIR || ".next";
const STAMP = path.join(DIST_DIR, "desk-build-stamp");

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** A hash of the build's inputs by content, so a fresh clone (new mtimes) of the same tree is not stale. */
export function computeBuildStamp(root: string): string {
  const hash = createHash("sha256");
  const files = [...INPUT_DIRS.flatMap((dir) => [...walk(path.join(root, dir))]), ...INPUT_FILES.map((f) => path.join(root, f))];
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function buildIsCurrent(root: string, stamp: string): boolean {
  const file = path.join(root, STAMP);
  return existsSync(path.join(root, DIST_DIR, "BUILD_ID")) && existsSync(file) && readFileSync(file, "utf8") === stamp;
}

export const BUILD_STAMP_FILE = STAMP;
