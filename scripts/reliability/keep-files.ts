import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * Runs `work` and puts `files` back as they were, byte for byte (or absent), however it ends. `next build`
 * with another `distDir` rewrites the tracked `tsconfig.json` (its `include`) and `next-env.d.ts`; a
 * benchmark or test that builds must leave the tree as it found it, or the next `npm start` rebuilds.
 */
export function keepingFiles<T>(files: string[], work: () => T): T {
  const saved = files.map((file) => ({ file, content: existsSync(file) ? readFileSync(file) : null }));
  try {
    return work();
  } finally {
    for (const { file, content } of saved) {
      const now = existsSync(file) ? readFileSync(file) : null;
      if (content === null) {
        if (now !== null) rmSync(file);
      } else if (now === null || !now.equals(content)) {
        writeFileSync(file, content);
      }
    }
  }
}
