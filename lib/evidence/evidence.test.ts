import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, processResults } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { Forbidden, NotFound } from "../errors";
import { upsertProcess } from "../processes/upsert-process";
import { seedSampleProcess } from "../results/testing/seed-sample";
import { purgeDossiers } from "../retention/purge-dossiers";
import { recordReviewDecision } from "../reviews/review-decisions";
import { gatherEvidence } from "./gather-evidence";
import { renderEvidencePdf } from "./render-evidence";

let database: TestDatabase;
let compliance: Ctx;
let admin: Ctx;
let support: Ctx;
const dir = mkdtempSync(path.join(tmpdir(), "desk-evidence-"));

beforeAll(async () => {
  database = await createTestDatabase();
  [compliance, admin, support] = await Promise.all([
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "admin"),
    staffCtx(database.db, "support"),
  ]);
});
afterAll(async () => {
  await database.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The pack's text as pdftotext reads it: what a reader can search and copy. */
async function packText(ctx: Ctx, dossierId: string): Promise<string> {
  const pack = await gatherEvidence(ctx, { dossierId });
  const bytes = new Uint8Array(await new Response(await renderEvidencePdf(pack)).arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const file = path.join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

/** A dossier with: an inconclusive process and its zip, decided; an accepted one with accented names; a zip the desk refuses. */
async function seedDossier() {
  const inconclusive = await seedSampleProcess(database.db);
  const { dossierId } = inconclusive;
  const accepted: Record<string, unknown> & { processId: string } = { ...loadExample("accepted"), processId: randomUUID() };
  accepted.finalResult = { ...(accepted.finalResult as object), firstName: "Łukasz Søren", lastName: "Šimková-Ørsted" };
  await upsertProcess(database.db, { dossierId, process: accepted });
  const refused = await seedSampleProcess(database.db, { dossierId, extra: [{ path: "x".repeat(300), content: {} }] });
  await recordReviewDecision(
    compliance,
    { processId: inconclusive.processId, decision: "reject", reasonCategory: "document_suspicious", note: "Photo of a screen, said Zoë" },
    { fourEyes: false },
  );
  return { dossierId, inconclusive: inconclusive.processId, accepted: accepted.processId, refused: refused.processId };
}

// Rendering a PDF (fonts, layout, pictures) takes seconds on a busy machine.
describe("evidence pack", { timeout: 120_000 }, () => {
  it("holds the processes, statuses, decisions, accented names and the zips' hashes as text", async () => {
    const seeded = await seedDossier();
    const text = await packText(compliance, seeded.dossierId);
    const hashes = await database.db.select({ processId: processResults.processId, sha256: processResults.sha256 }).from(processResults);
    const hashOf = (id: string) => hashes.find((h) => h.processId === id)!.sha256;

    expect(text).toContain(seeded.dossierId);
    for (const id of [seeded.inconclusive, seeded.accepted, seeded.refused]) expect(text).toContain(id);
    expect(text).toContain(hashOf(seeded.inconclusive));
    expect(text).toContain(hashOf(seeded.refused));
    expect(text).toMatch(/Status\s+inconclusive/);
    expect(text).toMatch(/Status\s+accepted/);
    expect(text).toContain("reject (final) · reason: document_suspicious");
    expect(text).toContain("Photo of a screen, said Zoë");
    expect(text).toContain("Łukasz Søren");
    expect(text).toContain("Šimková-Ørsted");
    // The refused zip is named with its reason, not opened.
    expect(text).toContain("The desk refused to open the stored zip (unsafe, entry-name)");
    // Onfido's breakdowns and the MRZ.
    expect(text).toMatch(/Original document present: consider/i);
    expect(text).toContain("PVNORSPECIMEN<<LAERKE<OEYVOR<AASE");
    // The status explanation and the MRZ check, written in English from their message keys.
    expect(text).toMatch(/inconclusive: the document's sub-result is suspected/);
    expect(text).toMatch(/Date of birth: MRZ 750531 \(1975-05-31\) · extracted \S+ · /);
    expect(text).toContain("review.decide");
  });

  it("is audited at every generation, with counts only", async () => {
    const seeded = await seedDossier();
    await gatherEvidence(compliance, { dossierId: seeded.dossierId });
    await gatherEvidence(admin, { dossierId: seeded.dossierId });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.dossierId, seeded.dossierId), eq(auditLog.action, "evidence.generate")));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.details).toEqual({ processes: 3, zips: 2 });
  });

  it("leaves the officers' notes out for admins, who may not read them", async () => {
    const seeded = await seedDossier();
    const pack = await gatherEvidence(admin, { dossierId: seeded.dossierId });
    expect(pack.processes.flatMap((p) => p.decisions).map((d) => d.note)).toEqual([null]);
  });

  it("is refused to support and answers NotFound for an unknown dossier", async () => {
    const seeded = await seedDossier();
    await expect(gatherEvidence(support, { dossierId: seeded.dossierId })).rejects.toBeInstanceOf(Forbidden);
    await expect(gatherEvidence(compliance, { dossierId: randomUUID() })).rejects.toBeInstanceOf(NotFound);
  });

  it("makes a pack of what remains of a purged dossier, and says so", async () => {
    const seeded = await seedDossier();
    await database.db.transaction((tx) => purgeDossiers(tx, [seeded.dossierId], "retention"));
    const text = await packText(compliance, seeded.dossierId);
    expect(text).toContain("3 of 3 processes were purged");
    expect(text).toContain(seeded.accepted);
    expect(text).toContain("reject (final) · reason: document_suspicious");
    expect(text).not.toContain("Šimková");
    expect(text).not.toContain("Photo of a screen");
  });
});
