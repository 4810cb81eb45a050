import "server-only";
import { eq } from "drizzle-orm";
import { processes } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { getEnv } from "../config";
import { NotFound } from "../errors";
import { getDocumentTypeChoices } from "../server/retry-deps";
import { listRetries, type RetryListItem } from "./list-retries";
import { planRetry, type RetryPlan } from "./retry-plan";

/** What the retry panel of a failed process offers an admin: the plan, the earlier retries, the cap. */
export interface RetryOptions {
  plan: RetryPlan;
  countryOfResidence: string | null;
  documentTypes: { types: string[]; fromAssure: boolean };
  retries: RetryListItem[];
  cap: number;
}

export async function getRetryOptions(ctx: Ctx, processId: string): Promise<RetryOptions> {
  requireCapability(ctx, "retries.write");
  const [row, retries, documentTypes] = await Promise.all([
    ctx.db.query.processes.findFirst({ where: eq(processes.processId, processId) }),
    listRetries(ctx, processId),
    getDocumentTypeChoices(),
  ]);
  if (!row) throw new NotFound("No such process");
  const plan = planRetry(row);
  const location = (plan.request.processParameters?.location ?? {}) as { countryOfResidence?: string };
  return { plan, countryOfResidence: location.countryOfResidence ?? null, documentTypes, retries, cap: getEnv().RETRY_CAP };
}
