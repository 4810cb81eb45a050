import { z } from "zod";
import type { Db } from "../../db/client";
import type { AssureClient } from "../assure/client";
import { refreshProcess } from "../processes/refresh-process";

/**
 * Demo data the way real data arrives: the simulator runs a few hundred verifications (every final status,
 * seeded so every demo looks the same), and the desk reads each one through its Assure client and stores it
 * with the same verb as a notification would, zip included. A few processes are left pending or processing.
 * The simulator's control API is a test and demo tool: only this module and the tests call it.
 */

export interface DemoSeedOptions {
  controlUrl: string;
  /** Finished processes to create. */
  count?: number;
  seed?: number;
  /** Where the simulator should notify for the processes still running. */
  notification?: { notificationUrl: string; authorizationHeader: string } | null;
  concurrency?: number;
}

const BulkAnswer = z.object({
  items: z.array(z.object({ dossierId: z.string(), processId: z.string() })),
});

async function control(controlUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${controlUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(workers);
}

export async function seedDemoFromSimulator(db: Db, assure: AssureClient, options: DemoSeedOptions): Promise<number> {
  const bulk = BulkAnswer.parse(
    await control(options.controlUrl, "/bulk", {
      count: options.count ?? 240,
      seed: options.seed ?? 20_261_126,
      processesPerDossier: 2,
      backdateDays: 30,
      includeItems: true,
    }),
  );

  // Still running when the demo opens: a few pending (the end-user has not uploaded yet) and a few
  // processing that finish in the next minutes and arrive by webhook.
  const running: { dossierId: string; processId: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const dossier = await assure.createDossier();
    const process = await assure.createProcess(dossier.dossierId, {
      provider: "onfido",
      processType: i % 2 === 0 ? "documentSelfie" : "document",
      documentType: "passport",
      ...(options.notification ?? {}),
      processParameters: { location: { countryOfResidence: "NOR" } },
    });
    running.push({ dossierId: dossier.dossierId, processId: process.processId });
  }
  for (let i = 0; i < 4; i++) {
    const started = z
      .object({ dossierId: z.string(), processId: z.string() })
      .parse(
        await control(options.controlUrl, "/run", {
          scenario: i % 2 === 0 ? "accepted" : "expired-document",
          delayMs: { min: 60_000 * (i + 1), max: 60_000 * (i + 2) },
          ...(options.notification ?? {}),
        }),
      );
    running.push(started);
  }

  const all = [...bulk.items, ...running];
  await inParallel(all, options.concurrency ?? 4, async ({ dossierId, processId }) => {
    await refreshProcess(db, assure, dossierId, processId);
  });
  return all.length;
}
