import "server-only";
import { z } from "zod";
import { requireCapability, type Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { getEnv } from "../config";
import { NotFound } from "../errors";
import { getIdentityLinks, type IdentityLinksView } from "../identity/identity-links";
import { parseRouteParams } from "../parse-input";
import { getResultView, type ResultView } from "../results/result-view";
import { getRetryOptions, type RetryOptions } from "../retries/get-retry-options";
import { getReviewOutcome, type ReviewOutcome } from "../reviews/get-review-outcome";
import { getReviewState, type ReviewState } from "../reviews/get-review-state";
import { REASON_CATEGORIES, REVIEWABLE_STATUSES, isOpenForDecision } from "../reviews/review-decisions";
import { getProcessDetail, type ProcessDetail } from "./get-process-detail";
import { getProcessNeighbours, openProcessListView, type ProcessListView, type ProcessNeighbours } from "./list-walk";

/** Assure ids are UUIDs; the desk accepts any plain id so that other id shapes still open, and nothing else. */
const id = z.string().min(1).max(128).regex(/^[A-Za-z0-9-]+$/);

/** `from`: the sealed view of the list the page was opened from; one that is too long is no view, not a 404. */
export const ProcessPageParams = z.object({ dossierId: id, processId: id, from: z.string().max(2000).optional().catch(undefined) });
export type ProcessPageParams = z.infer<typeof ProcessPageParams>;

/** The review panel's model (compliance): the state of the review and whether a decision can be made. */
export interface ReviewModel {
  state: ReviewState;
  reviewable: boolean;
  canTake: boolean;
  viewerId: string;
  reasons: typeof REASON_CATEGORIES;
  fourEyes: boolean;
}

export interface ProcessPageModel {
  detail: ProcessDetail;
  /** Sub-breakdowns, images, raw files: null for roles the matrix does not show them to. */
  result: ResultView | null;
  /** For the roles that review. */
  review: ReviewModel | null;
  /** For roles that see review outcomes but do not review: never the officers' notes. */
  outcome: ReviewOutcome | null;
  /** For admins, on a failed process. */
  retry: RetryOptions | null;
  /** Other dossiers holding the same person as this process, and repeated attempts in its dossier. */
  links: IdentityLinksView;
  /** The list the page was opened from and this process's neighbours there; null when opened otherwise. */
  walk: ProcessWalk | null;
}

export interface ProcessWalk extends ProcessNeighbours {
  /** The sealed view, for the neighbours' links. */
  from: string;
  view: ProcessListView;
}

/** Everything the process page shows, as far as the viewer's role may see it, read concurrently. */
export async function getProcessPage(ctx: Ctx, params: unknown): Promise<ProcessPageModel> {
  const user = requireCapability(ctx, "processes.read");
  const { dossierId, processId, from } = parseRouteParams(ProcessPageParams, params, "No such process");
  const opened = openProcessListView(from);
  // A review filter in a link from an officer's queue means nothing to a role that does not review.
  const view = opened && (!opened.filters.assigned || can(user.role, "reviews.write")) ? opened : null;
  const detail = await getProcessDetail(ctx.db, dossierId, processId);
  if (!detail) throw new NotFound("No such process");
  const reviews = can(user.role, "reviews.write");
  const [result, state, outcome, retry, links, neighbours] = await Promise.all([
    can(user.role, "results.read") ? getResultView(ctx.db, processId) : null,
    reviews ? getReviewState(ctx, processId) : null,
    !reviews && can(user.role, "reviews.read") ? getReviewOutcome(ctx, processId) : null,
    can(user.role, "retries.write") && detail.status === "failed" ? getRetryOptions(ctx, processId) : null,
    getIdentityLinks(ctx.db, { dossierId, processId }, can(user.role, "identity.matches")),
    view && getProcessNeighbours(ctx.db, processId, view, { userId: user.id, role: user.role }),
  ]);
  const review: ReviewModel | null = state && {
    state,
    reviewable: (REVIEWABLE_STATUSES as readonly string[]).includes(detail.status),
    canTake: isOpenForDecision(detail.status, state.decisions.map((d) => d.state)),
    viewerId: user.id,
    reasons: REASON_CATEGORIES,
    fourEyes: getEnv().FOUR_EYES === "1",
  };
  const walk = view && from && neighbours ? { ...neighbours, from, view } : null;
  return { detail, result, review, outcome, retry, links, walk };
}
