import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExample } from "../../tests/support/fixtures";
import { staffCtx } from "../../tests/support/staff";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-database";
import type { Ctx } from "../auth/context";
import { upsertProcess } from "../processes/upsert-process";
import { assignProcessToMe } from "./assignments";
import { getReviewOutcome } from "./get-review-outcome";
import { recordReviewDecision } from "./review-decisions";

let database: TestDatabase;
let officer: Ctx;
let support: Ctx;
let admin: Ctx;

beforeAll(async () => {
  database = await createTestDatabase();
  [officer, support, admin] = await Promise.all([
    staffCtx(database.db, "compliance"),
    staffCtx(database.db, "support"),
    staffCtx(database.db, "admin"),
  ]);
});
afterAll(async () => {
  await database.dispose();
});

const NOTE = "Customer's brother called; passport photo looks re-laminated.";

describe("the review outcome", () => {
  it("tells support the decision, its reason category and time, and the assignee, but never the note", async () => {
    const processId = randomUUID();
    await upsertProcess(database.db, { dossierId: randomUUID(), process: { ...loadExample("rejected"), processId } });
    expect(await getReviewOutcome(support, processId)).toEqual({ assignee: null, decision: null });

    await assignProcessToMe(officer, { processId });
    await recordReviewDecision(officer, { processId, decision: "reject", reasonCategory: "document_suspicious", note: NOTE }, { fourEyes: false });
    for (const ctx of [support, admin]) {
      const outcome = await getReviewOutcome(ctx, processId);
      expect(outcome).toMatchObject({
        assignee: "compliance tester",
        decision: { decision: "reject", reasonCategory: "document_suspicious", reason: "Document suspicious or forged", state: "final", decidedBy: "compliance tester" },
      });
      expect(outcome.decision?.decidedAt).toBeInstanceOf(Date);
      expect(JSON.stringify(outcome)).not.toContain("re-laminated");
    }
  });
});
