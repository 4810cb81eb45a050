import "server-only";
import { desc, eq } from "drizzle-orm";
import { processRetries, staffUsers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { isCapturedByEndUser } from "./retry-plan";

/** The retries made of a process, newest first, with who asked and where each stopped. */
export async function listRetries(ctx: Ctx, originalProcessId: string) {
  requireCapability(ctx, "processes.read");
  const rows = await ctx.db
    .select({
      id: processRetries.id,
      attempt: processRetries.attempt,
      state: processRetries.state,
      newProcessId: processRetries.newProcessId,
      lastError: processRetries.lastError,
      requestedAt: processRetries.requestedAt,
      requestedBy: staffUsers.name,
      parameters: processRetries.parameters,
    })
    .from(processRetries)
    .innerJoin(staffUsers, eq(staffUsers.id, processRetries.requestedBy))
    .where(eq(processRetries.originalProcessId, originalProcessId))
    .orderBy(desc(processRetries.attempt));
  return rows.map(({ parameters, ...row }) => ({ ...row, startable: !isCapturedByEndUser(String(parameters.processType ?? "")) }));
}

export type RetryListItem = Awaited<ReturnType<typeof listRetries>>[number];
