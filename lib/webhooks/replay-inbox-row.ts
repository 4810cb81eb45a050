import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { webhookInbox } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { ERROR_HISTORY_CHARS } from "./inbox-worker";

const ReplayInput = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export interface ReplayResult {
  id: number;
  processId: string;
  /** Attempts the row had used when it was dead-lettered. */
  previousAttempts: number;
}

/**
 * Gives a dead inbox row another life: back to `received`, attempts from zero, due now. Its `last_error`
 * is kept under a note of the replay, so what killed it stays readable while it is retried.
 */
export async function replayInboxRow(ctx: Ctx, input: unknown): Promise<ReplayResult> {
  requireCapability(ctx, "desk.admin");
  const { id } = parseInput(ReplayInput, input, "Not a replay request");

  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ state: webhookInbox.state, attempts: webhookInbox.attempts, dossierId: webhookInbox.dossierId, processId: webhookInbox.processId })
      .from(webhookInbox)
      .where(eq(webhookInbox.id, id))
      .for("update");
    if (!row) throw new NotFound(`Inbox row ${id} does not exist`, { code: "inboxRowMissing", values: { id } });
    if (row.state !== "dead") throw new Conflict(`Inbox row ${id} is ${row.state}: only dead rows are replayed`, { code: "inboxRowNotDead", values: { id, state: row.state } });

    const note = `replayed at ${new Date().toISOString()} after ${row.attempts} attempts`;
    await tx
      .update(webhookInbox)
      .set({
        state: "received",
        attempts: 0,
        nextAttemptAt: sql`now()`,
        lockedUntil: null,
        lastError: sql`left(${note} || coalesce(E'\n' || ${webhookInbox.lastError}, ''), ${ERROR_HISTORY_CHARS})` as unknown as string,
      })
      .where(eq(webhookInbox.id, id));
    await recordAudit(tx, actorOf(ctx), {
      action: "inbox.replay",
      dossierId: row.dossierId,
      processId: row.processId,
      target: `inbox:${id}`,
      details: { previousAttempts: row.attempts },
    });
    return { id, processId: row.processId, previousAttempts: row.attempts };
  });
}
