import "server-only";
import { desc, eq } from "drizzle-orm";
import { processRetries, staffUsers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";

/** The retries made of a process, newest first, with who asked and where each stopped. */
export async function listRetries(ctx: Ctx, originalProcessId: string) {
  requireCapability(ctx, "processes.read");
  return ctx.db
    .select({
      id: processRetries.id,
      attempt: processRetries.attempt,
      state: processRetries.state,
      newProcessId: processRetries.newProcessId,
      lastError: processRetries.lastError,
      requestedAt: processRetries.requestedAt,
      requestedBy: staffUsers.name,
    })
    .from(processRetries)
    .innerJoin(staffUsers, eq(staffUsers.id, processRetries.requestedBy))
    .where(eq(processRetries.originalProcessId, originalProcessId))
    .orderBy(desc(processRetries.attempt));
}

export type RetryListItem = Awaited<ReturnType<typeof listRetries>>[number];
