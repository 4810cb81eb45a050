import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { upsertProcess } from "../../lib/processes/upsert-process";
import type { Database } from "../client";

/**
 * Interim demo data until the simulator seeds the desk: Signicat's documented example objects, given
 * ids, names and times of their own, stored through the same upsert verb as real notifications.
 */

const EXAMPLES_DIR = path.resolve(process.cwd(), "tests/fixtures/assure");
const PEOPLE = [
  ["MARIA PAULA", "SANTOS MENDES", "PRT"],
  ["JOÃO", "CONCEIÇÃO", "PRT"],
  ["LÆRKE", "ØSTERGÅRD", "NOR"],
  ["ZOË", "MÜLLER", "DEU"],
  ["BJÖRN", "LINDQVIST", "SWE"],
  ["AGNIESZKA", "WÓJCIK", "POL"],
  ["SIOBHÁN", "Ó BRIAIN", "IRL"],
  ["FRANÇOIS", "LEFÈVRE", "FRA"],
] as const;

function seededUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function loadExamples(): Record<string, unknown>[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.startsWith("process-") && f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(EXAMPLES_DIR, f), "utf8")) as Record<string, unknown>);
}

function personalise(example: Record<string, unknown>, index: number, now: number): Record<string, unknown> {
  const [firstName, lastName, country] = PEOPLE[index % PEOPLE.length]!;
  const updatedAt = new Date(now - index * 37 * 60_000);
  const createdAt = new Date(updatedAt.getTime() - 90_000);
  const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
  const personal = { firstName, lastName, nationality: country, issuingCountry: country, documentNumber: `X${100000 + index}` };
  const copy: Record<string, unknown> = {
    ...structuredClone(example),
    processId: seededUuid(`process-${index}`),
    createdAt: stamp(createdAt),
    updatedAt: stamp(updatedAt),
  };
  if (copy.finalResult) copy.finalResult = { ...(copy.finalResult as object), ...personal };
  const specific = copy.providerSpecific as { documentVerification?: object } | undefined;
  if (specific?.documentVerification) {
    copy.providerSpecific = { ...specific, documentVerification: { ...specific.documentVerification, ...personal } };
  }
  return copy;
}

export async function seedDemoFromExamples(database: Database, count = 240): Promise<number> {
  const examples = loadExamples();
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    await upsertProcess(database.db, {
      dossierId: seededUuid(`dossier-${Math.floor(i / 2)}`),
      process: personalise(examples[i % examples.length]!, i, now),
    });
  }
  return count;
}
