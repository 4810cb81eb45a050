import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { processes, processRetries } from "../../db/schema";
import { AssureApiError, AssureError } from "../assure/errors";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import { Conflict, NotFound, UpstreamUnavailable } from "../errors";
import { parseInput } from "../parse-input";
import { claimAdvance, release, type RetryDeps, type RetryRow } from "./retry-process";

const CancelInput = z.object({ retryId: z.coerce.number().int().positive() });

/** Retry steps after which a process may exist at Assure that was never started. */
const STUCK_STATES = new Set<RetryRow["state"]>(["creating", "created", "images_copied", "failed"]);

/**
 * Cancels a retry that never started (Assure refused its images or its start): the process it left
 * pending is deleted at Assure, shown as canceled here, and the retry is marked canceled. Idempotent: a
 * canceled retry answers as it is, and a process Assure no longer knows counts as deleted. A process that
 * is running at Assure after all (someone started it) is left alone.
 */
export async function cancelRetry(ctx: Ctx, deps: Pick<RetryDeps, "assure">, input: unknown): Promise<RetryRow> {
  requireCapability(ctx, "retries.write");
  const { retryId } = parseInput(CancelInput, input, "Invalid retry", "invalidRetry");

  const [found] = await ctx.db.select().from(processRetries).where(eq(processRetries.id, retryId));
  if (!found) throw new NotFound("No such retry", { code: "noSuchRetry" });
  if (found.state === "canceled") return found;
  if (!STUCK_STATES.has(found.state)) throw new Conflict("This retry started its process: there is nothing left to cancel", { code: "retryStarted" });
  // The same claim a resume takes: a double click, or a cancel racing a resume, does the work once.
  const row = await claimOrWait(ctx, retryId);
  if (!row) throw new Conflict("This retry is being worked on right now; try again in a minute", { code: "retryBusy" });
  try {
    if (row.state === "canceled") return row;
    let deleted = false;
    if (row.newProcessId) {
      const atAssure = await readOrNull(deps, row.dossierId, row.newProcessId);
      if (atAssure && atAssure.status !== "pending") {
        throw new Conflict(`The retry's process is ${atAssure.status} at Assure, not stuck: it is left alone`, { code: "retryRunning", values: { status: atAssure.status } });
      }
      deleted = atAssure ? await deps.assure.deleteProcess(row.dossierId, row.newProcessId) : false;
    }
    return await ctx.db.transaction(async (tx) => {
      const [canceled] = await tx
        .update(processRetries)
        .set({ state: "canceled", lastError: null, updatedAt: sql`now()` })
        .where(and(eq(processRetries.id, row.id), ne(processRetries.state, "canceled")))
        .returning();
      if (!canceled) {
        const [current] = await tx.select().from(processRetries).where(eq(processRetries.id, row.id));
        return current!;
      }
      if (row.newProcessId) {
        // Assure forgets a deleted process: the desk keeps it, as canceled, so the history stays readable.
        await tx
          .update(processes)
          .set({ status: "canceled", lastSyncedAt: sql`now()` })
          .where(and(eq(processes.processId, row.newProcessId), eq(processes.status, "pending")));
      }
      await recordAudit(tx, actorOf(ctx), {
        action: "process.retry_cancel",
        processId: row.originalProcessId,
        dossierId: row.dossierId,
        target: String(row.id),
        details: { newProcessId: row.newProcessId, deletedAtAssure: deleted, stoppedAt: row.state },
      });
      return canceled;
    });
  } catch (error) {
    if (error instanceof AssureApiError) {
      const said = error.title ?? error.message;
      throw new Conflict(`Assure refused to delete the process: ${said}`, { cause: error, code: "assureRefusedDelete", values: { said } });
    }
    if (error instanceof AssureError) throw new UpstreamUnavailable(`Assure could not be reached: ${error.message}`, { cause: error, code: "assureUnreachable", values: { said: error.message } });
    throw error;
  } finally {
    await release(ctx, retryId);
  }
}

/** The second of a double click waits for the first to finish and then answers with its outcome. */
async function claimOrWait(ctx: Ctx, retryId: number): Promise<RetryRow | null> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const claimed = await claimAdvance(ctx, retryId);
    if (claimed) return claimed;
    const [current] = await ctx.db.select().from(processRetries).where(eq(processRetries.id, retryId));
    if (current?.state === "canceled") return current;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}

async function readOrNull(deps: Pick<RetryDeps, "assure">, dossierId: string, processId: string) {
  try {
    return await deps.assure.getProcess(dossierId, processId);
  } catch (error) {
    if (error instanceof AssureApiError && error.status === 404) return null;
    throw error;
  }
}
