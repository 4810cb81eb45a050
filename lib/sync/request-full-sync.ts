import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { syncRuns } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { createSyncRun } from "./sync-runs";
import { publishDeskEvent } from "../events/publish-event";

const RequestInput = z.object({}).strict();
const CancelInput = z.object({ runId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * An admin asks for a full sync. The run is created unowned: a worker takes it (the server that was
 * asked, right away, when it does background work; otherwise `npm run worker` at its next look).
 * Conflict when one is running.
 */
export async function requestFullSync(ctx: Ctx, input: unknown): Promise<{ runId: number }> {
  const user = requireCapability(ctx, "desk.admin");
  parseInput(RequestInput, input ?? {}, "Not a sync request");
  return ctx.db.transaction(async (tx) => {
    const runId = await createSyncRun(tx, { trigger: "admin", triggeredBy: user.email });
    await publishDeskEvent(tx, { kind: "sync", status: "running" });
    await recordAudit(tx, actorOf(ctx), { action: "sync.start", target: `sync:${runId}` });
    return { runId };
  });
}

/** Stops a running sync: its worker notices at its next heartbeat; what it stored stays. */
export async function cancelFullSync(ctx: Ctx, input: unknown): Promise<{ runId: number }> {
  requireCapability(ctx, "desk.admin");
  const { runId } = parseInput(CancelInput, input, "Not a cancel request");
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(syncRuns)
      .set({ state: "canceled", finishedAt: sql`now()`, lastError: "canceled by an admin" })
      .where(and(eq(syncRuns.id, runId), eq(syncRuns.state, "running")))
      .returning({ id: syncRuns.id });
    if (rows.length === 0) {
      // Missing is NotFound (404) everywhere; a run that exists but has ended is a Conflict (409).
      const [run] = await tx.select({ id: syncRuns.id }).from(syncRuns).where(eq(syncRuns.id, runId));
      throw run ? new Conflict(`Sync ${runId} is not running`, { code: "syncNotRunning", values: { id: runId } }) : new NotFound(`No sync ${runId}`, { code: "noSync", values: { id: runId } });
    }
    await publishDeskEvent(tx, { kind: "sync", status: "canceled" });
    await recordAudit(tx, actorOf(ctx), { action: "sync.cancel", target: `sync:${runId}` });
    return { runId };
  });
}
