import "server-only";
import { and, asc, desc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { processes, processRetries } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { parseInput } from "../parse-input";
import { processConditionsExceptStatus } from "../processes/process-filters";
import { PROCESS_SORTS, ProcessFilters } from "../processes/process-list-query";
import { COUNT_CAP, type StatusCount } from "../processes/status-counts-types";
import { CAPTURED_BY_END_USER } from "./retry-plan";
import { BULK_RETRY_MAX, bulkRetry, type BulkRetryItem } from "./bulk-retry";
import type { RetryDeps } from "./retry-process";

/**
 * Bulk retry from the queue: which failed processes of a view are retried, and the retry of one chunk
 * of them. The set is always worked out here from the view's filters; the browser only echoes back
 * the ids this module chose, and each is checked again before anything is retried.
 *
 * The set: the failed processes in the view (its filters, status forced to failed), except
 *  - consent failures, which only the end-user can fix (`isConsentFailure` in retry-plan.ts; the same
 *    test in SQL below),
 *  - document + video processes, which Assure cannot start without the end-user (`isCapturedByEndUser`
 *    in retry-plan.ts), and
 *  - processes retried already (any process_retries row): a bulk retry after an outage retries what
 *    has not been retried; a process whose retry went wrong is resumed or corrected on its own page.
 * At most BULK_RETRY_MAX of them, in the view's order.
 */

/** Chunk size the queue sends per call: small enough for a progress bar, large enough to be quick. */
export const BULK_RETRY_CHUNK = 20;

const ViewInput = z.object({
  filters: ProcessFilters.default({}),
  sort: z.enum(PROCESS_SORTS).default("updated.desc"),
});

const ChunkInput = z.object({
  filters: ProcessFilters.default({}),
  /** Made once per opening of the dialog: each item's idempotency key derives from it. */
  bulkId: z.string().min(8).max(100),
  processIds: z.array(z.string().min(1).max(200)).min(1).max(BULK_RETRY_CHUNK * 5),
});

export interface BulkRetrySelection {
  /** The processes to retry, at most BULK_RETRY_MAX, in the view's order. */
  items: { processId: string; dossierId: string }[];
  /** How many the set holds (it may be more than `items`), and what was left out. */
  retryable: StatusCount;
  consentFailures: StatusCount;
  /** Document + video processes: only the end-user can run them again. */
  capturedByEndUser: StatusCount;
  retriedAlready: StatusCount;
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  return parseInput(schema, input, "This view of the queue is not valid");
}

/** The view's failed processes, whatever else it asks for (another status ticked adds nothing here). */
function failedInView(ctx: Ctx, filters: ProcessFilters): SQL {
  const viewer = ctx.user ? { userId: ctx.user.id, role: ctx.user.role } : null;
  const conditions = processConditionsExceptStatus(filters, viewer);
  if (filters.status?.length) conditions.push(inArray(processes.status, filters.status));
  return and(...conditions, eq(processes.status, "failed"))!;
}

const consentFailure = sql<boolean>`coalesce(${processes.failReasonType} ~* 'consent' or ${processes.failReasonMessage} ~* 'consent', false)`;
const captured = inArray(processes.processType, [...CAPTURED_BY_END_USER]);
const retried = exists(sql`(select 1 from ${processRetries} where ${processRetries.originalProcessId} = ${processes.processId})`);

const counted = (count: number, capped: boolean): StatusCount => ({ count, capped });

/** What "Retry N failed processes" would retry in this view, and what it leaves out and why. */
export async function getBulkRetrySelection(ctx: Ctx, input: unknown): Promise<BulkRetrySelection> {
  requireCapability(ctx, "retries.write");
  const { filters, sort } = parse(ViewInput, input);
  const where = failedInView(ctx, filters);

  // Counted over at most COUNT_CAP failed rows, as the queue's own counts are (status-counts.ts).
  const candidates = ctx.db
    .select({
      consent: consentFailure.as("consent"),
      captured: sql<boolean>`coalesce(${captured}, false)`.as("captured"),
      retried: sql<boolean>`${retried}`.as("retried"),
    })
    .from(processes)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("candidates");
  const [summary] = await ctx.db
    .select({
      all: sql<number>`count(*)::int`,
      consent: sql<number>`(count(*) filter (where ${candidates.consent}))::int`,
      captured: sql<number>`(count(*) filter (where not ${candidates.consent} and ${candidates.captured}))::int`,
      retried: sql<number>`(count(*) filter (where not ${candidates.consent} and not ${candidates.captured} and ${candidates.retried}))::int`,
      retryable: sql<number>`(count(*) filter (where not ${candidates.consent} and not ${candidates.captured} and not ${candidates.retried}))::int`,
    })
    .from(candidates);
  const capped = Number(summary?.all ?? 0) > COUNT_CAP;

  const time = sort.startsWith("created") ? processes.createdAt : processes.updatedAt;
  const order = sort.endsWith("asc") ? asc : desc;
  const items = await ctx.db
    .select({ processId: processes.processId, dossierId: processes.dossierId })
    .from(processes)
    .where(and(where, sql`not ${consentFailure}`, sql`not coalesce(${captured}, false)`, sql`not ${retried}`))
    .orderBy(order(time), order(processes.processId))
    .limit(BULK_RETRY_MAX);

  return {
    items,
    retryable: counted(Number(summary?.retryable ?? 0), capped),
    consentFailures: counted(Number(summary?.consent ?? 0), capped),
    capturedByEndUser: counted(Number(summary?.captured ?? 0), capped),
    retriedAlready: counted(Number(summary?.retried ?? 0), capped),
  };
}

/**
 * Retries one chunk of a selection with the bulk's id: an id that is not a failed process of this view
 * (any more) is reported and left alone; the rest go to `bulkRetry`, which repeats nothing when the
 * same bulkId comes again (a double click, a resent chunk).
 */
export async function retryFailedInView(ctx: Ctx, deps: RetryDeps, input: unknown): Promise<BulkRetryItem[]> {
  requireCapability(ctx, "retries.write");
  const { filters, bulkId, processIds } = parse(ChunkInput, input);
  const inView = await ctx.db
    .select({ processId: processes.processId })
    .from(processes)
    .where(and(failedInView(ctx, filters), inArray(processes.processId, processIds)));
  const allowed = new Set(inView.map((row) => row.processId));
  const kept = processIds.filter((id) => allowed.has(id));
  const done = kept.length ? (await bulkRetry(ctx, deps, { processIds: kept, bulkId })).items : [];
  const byId = new Map(done.map((item) => [item.processId, item]));
  return [...new Set(processIds)].map(
    (processId) =>
      byId.get(processId) ?? { processId, ok: false, newProcessId: null, message: "Not a failed process in this view; nothing was done.", code: "notInView" },
  );
}
