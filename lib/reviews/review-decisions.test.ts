import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, processAssignments, processes } from "../../db/schema";
import { loadExample } from "../../tests/support/fixtures";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { Conflict, Forbidden } from "../errors";
import { addDossierNote, listDossierNotes } from "../notes/dossier-notes";
import { upsertProcess } from "../processes/upsert-process";
import { assignProcessToMe, unassignProcess } from "./assignments";
import { confirmReviewDecision, recordReviewDecision, sendBackReviewDecision } from "./review-decisions";

let database: TestDatabase;
let officer: Ctx;
let second: Ctx;
let support: Ctx;

beforeAll(async () => {
  database = await createTestDatabase();
  [officer, second, support] = await Promise.all([
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "support"),
  ]);
});
afterAll(async () => {
  await database.dispose();
});

async function storedExample(name: string) {
  const processId = randomUUID();
  const dossierId = randomUUID();
  await upsertProcess(database.db, { dossierId, process: { ...loadExample(name), processId } });
  return { processId, dossierId };
}

const decide = (processId: string) => ({ processId, decision: "approve", reasonCategory: "document_authentic", note: "Checked the passport by eye." });

async function auditActions(processId: string) {
  const rows = await database.db.select().from(auditLog).where(eq(auditLog.processId, processId)).orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

describe("review decisions", () => {
  it("records a final decision at once without four eyes, leaving Assure's status alone", async () => {
    const { processId } = await storedExample("inconclusive");
    const decision = await recordReviewDecision(officer, decide(processId), { fourEyes: false });
    expect(decision).toMatchObject({ state: "final", decision: "approve", decidedBy: officer.user!.id });
    const [row] = await database.db.select({ status: processes.status }).from(processes).where(eq(processes.processId, processId));
    expect(row?.status).toBe("inconclusive");
    await expect(recordReviewDecision(second, decide(processId), { fourEyes: false })).rejects.toThrow(/final decision already/);
    expect(await auditActions(processId)).toEqual(["review.decide"]);
  });

  it("with four eyes waits for another officer, who confirms or sends it back", async () => {
    const { processId } = await storedExample("rejected");
    const decision = await recordReviewDecision(officer, { ...decide(processId), decision: "reject", reasonCategory: "document_suspicious" }, { fourEyes: true });
    expect(decision.state).toBe("awaiting_confirmation");
    await expect(confirmReviewDecision(officer, { decisionId: decision.id })).rejects.toBeInstanceOf(Forbidden);
    await expect(recordReviewDecision(second, decide(processId), { fourEyes: true })).rejects.toThrow(/waiting for a second officer/);

    const sentBack = await sendBackReviewDecision(second, { decisionId: decision.id });
    expect(sentBack.state).toBe("withdrawn");
    const again = await recordReviewDecision(officer, decide(processId), { fourEyes: true });
    const confirmed = await confirmReviewDecision(second, { decisionId: again.id });
    expect(confirmed).toMatchObject({ state: "final", confirmedBy: second.user!.id });
    expect(await auditActions(processId)).toEqual(["review.decide", "review.send_back", "review.decide", "review.confirm"]);
  });

  it("needs a reason category and a note, and only compliance may decide", async () => {
    const { processId } = await storedExample("inconclusive");
    await expect(recordReviewDecision(officer, { ...decide(processId), note: "  " }, { fourEyes: false })).rejects.toThrow(/note is required/);
    await expect(recordReviewDecision(officer, { ...decide(processId), reasonCategory: "vibes" }, { fourEyes: false })).rejects.toThrow(/reasonCategory/);
    await expect(recordReviewDecision(support, decide(processId), { fourEyes: false })).rejects.toBeInstanceOf(Forbidden);
  });

  it("refuses to review what is not inconclusive or rejected", async () => {
    const { processId } = await storedExample("accepted");
    await expect(recordReviewDecision(officer, decide(processId), { fourEyes: false })).rejects.toBeInstanceOf(Conflict);
  });
});

describe("assignment and notes", () => {
  it("assigns to me, moves to another officer, unassigns, all audited", async () => {
    const { processId } = await storedExample("inconclusive");
    await assignProcessToMe(officer, { processId });
    await assignProcessToMe(second, { processId });
    const [row] = await database.db.select().from(processAssignments).where(eq(processAssignments.processId, processId));
    expect(row?.assigneeId).toBe(second.user!.id);
    await unassignProcess(second, { processId });
    expect(await database.db.select().from(processAssignments).where(eq(processAssignments.processId, processId))).toEqual([]);
    expect(await auditActions(processId)).toEqual(["review.assign", "review.assign", "review.unassign"]);
    await expect(assignProcessToMe(support, { processId })).rejects.toBeInstanceOf(Forbidden);
  });

  it("offers a process for taking only while a decision can be made, and refuses it on the server otherwise", async () => {
    for (const name of ["accepted", "failed", "canceled"]) {
      const { processId } = await storedExample(name);
      await expect(assignProcessToMe(officer, { processId })).rejects.toThrow(/not reviewed .*nothing to take/);
    }
    const awaiting = await storedExample("rejected");
    await recordReviewDecision(officer, { ...decide(awaiting.processId), decision: "reject", reasonCategory: "document_suspicious" }, { fourEyes: true });
    // The second officer may take one that waits for their confirmation.
    await assignProcessToMe(second, { processId: awaiting.processId });
    const decided = await storedExample("inconclusive");
    await recordReviewDecision(officer, decide(decided.processId), { fourEyes: false });
    await expect(assignProcessToMe(second, { processId: decided.processId })).rejects.toBeInstanceOf(Conflict);
    expect(await database.db.select().from(processAssignments).where(eq(processAssignments.processId, decided.processId))).toEqual([]);
  });

  it("lets every role note a dossier, newest first, with author and time", async () => {
    const { dossierId } = await storedExample("failed");
    await addDossierNote(support, { dossierId, body: "Customer called: new passport coming." });
    await addDossierNote(officer, { dossierId, body: "Noted." });
    const notes = await listDossierNotes(support, dossierId);
    expect(notes.map((n) => [n.body, n.authorRole])).toEqual([["Noted.", "compliance"], ["Customer called: new passport coming.", "support"]]);
    await expect(addDossierNote(support, { dossierId, body: "" })).rejects.toThrow(/empty/);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.dossierId, dossierId));
    expect(audit.map((a) => a.action)).toEqual(["note.add", "note.add"]);
    expect(JSON.stringify(audit)).not.toContain("new passport");
  });
});
