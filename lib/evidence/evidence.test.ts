import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, processResults } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { Forbidden, NotFound } from "../errors";
import { upsertProcess } from "../processes/upsert-process";
import { sampleJpeg } from "../results/testing/sample-result";
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

/** The pack as a PDF file. */
async function packFile(ctx: Ctx, dossierId: string): Promise<string> {
  const pack = await gatherEvidence(ctx, { dossierId });
  const bytes = new Uint8Array(await new Response(await renderEvidencePdf(pack)).arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const file = path.join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** The pack's text as pdftotext reads it: what a reader can search and copy. */
async function packText(ctx: Ctx, dossierId: string): Promise<string> {
  return execFileSync("pdftotext", ["-enc", "UTF-8", await packFile(ctx, dossierId), "-"], { encoding: "utf8" });
}

/** The pictures embedded in a PDF, as pdfimages lists them: width, height and encoding. */
function pdfPictures(file: string): { width: number; height: number; encoding: string }[] {
  const lines = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    return { width: Number(cols[3]), height: Number(cols[4]), encoding: cols[8]! };
  });
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
    // Every page's footer names the dossier and numbers the page out of the total.
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`page ${i + 1} of ${pages.length}`);
      expect(page).toContain(`Evidence pack · dossier ${seeded.dossierId}`);
    });
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

  it("holds the officers' notes for admins too, whose rights elsewhere stay as they were", async () => {
    const seeded = await seedDossier();
    const pack = await gatherEvidence(admin, { dossierId: seeded.dossierId });
    expect(pack.processes.flatMap((p) => p.decisions).map((d) => d.note)).toEqual(["Photo of a screen, said Zoë"]);
    const text = await packText(admin, seeded.dossierId);
    expect(text).toContain("Note: Photo of a screen, said Zoë");
    // The pack's capability carries the notes; admin's rights on the desk's pages are what they were.
    expect(can("admin", "reviews.write")).toBe(false);
    await expect(
      recordReviewDecision(admin, { processId: seeded.refused, decision: "approve", reasonCategory: "other", note: "An admin’s try" }, { fourEyes: false }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it("shows a large PNG shrunk and names a picture that does not decode, instead of failing", async () => {
    const png = await sharp({ create: { width: 1600, height: 1000, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 0.5 } } }).png().toBuffer();
    const jpeg = sampleJpeg(1400, 900, 20, 90);
    const { dossierId } = await seedSampleProcess(database.db, {
      extra: [
        { path: "media/portrait.png", content: new Uint8Array(png) },
        { path: "media/extra_scan.jpg", content: jpeg.subarray(0, jpeg.byteLength / 2) },
      ],
    });
    const file = await packFile(compliance, dossierId);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toMatch(/extra_scan\.jpg · media\/extra_scan\.jpg\s+could not be shown in the PDF: see the stored zip/);
    expect(text).toContain("Portrait · media/portrait.png");
    expect(text.match(/could not be shown in the PDF/g)).toHaveLength(1);
    // The zip's three small JPEGs as they are, the PNG shrunk to a JPEG of at most 900 px; the cut one not at all.
    const pictures = pdfPictures(file);
    expect(pictures).toHaveLength(4);
    expect(pictures).toContainEqual({ width: 900, height: 563, encoding: "jpeg" });
    expect(pictures.every((p) => p.encoding === "jpeg" && p.width <= 900 && p.height <= 900)).toBe(true);
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
