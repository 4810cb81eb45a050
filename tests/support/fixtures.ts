import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const FIXTURES = path.resolve(__dirname, "../fixtures/assure");

/** Signicat's documented process objects, one per status (copied from the contract's examples). */
export function loadExampleProcesses(): { name: string; process: Record<string, unknown> }[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.startsWith("process-") && file.endsWith(".json"))
    .sort()
    .map((file) => ({
      name: file.replace(/^process-|\.json$/g, ""),
      process: JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as Record<string, unknown>,
    }));
}

export function loadExample(name: string): Record<string, unknown> {
  const found = loadExampleProcesses().find((example) => example.name === name);
  if (!found) throw new Error(`no example process named ${name}`);
  return structuredClone(found.process);
}
