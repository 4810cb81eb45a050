import "server-only";
import { requireCapability, type Ctx } from "../auth/context";
import { can } from "../auth/permissions";
import { getBulkRetrySelection, type BulkRetrySelection } from "../retries/failed-in-view";
import { listSavedViews, type SavedViewsOfList } from "../saved-views/list-saved-views";
import { sealProcessListView } from "./list-walk";
import { listProcesses, ListProcessesInput, type ProcessPage } from "./list-processes";
import { countProcessStatuses, type StatusCounts } from "./status-counts";

export type BulkRetrySummary = Omit<BulkRetrySelection, "items">;

/**
 * The queue's reads, started together and handed over unawaited so that the page streams each as it
 * comes. A view that does not parse rejects `page` and `counts` with InvalidInput (the table says why).
 */
export interface ProcessListPageModel {
  page: Promise<ProcessPage>;
  counts: Promise<StatusCounts>;
  /** Admins looking at failed processes are offered to retry them all; null for everyone else. */
  bulkRetry: Promise<BulkRetrySummary> | null;
  /** The review filters (My queue, Decided, Unassigned) are for the roles that review. */
  canReview: boolean;
  /** Compliance and admins may take the whole view as a CSV file (lib/processes/export-processes.ts). */
  canExport: boolean;
  /** The user's saved views of the queue and the team's shared ones (lib/saved-views/). */
  views: Promise<SavedViewsOfList>;
  /** The view sealed for the rows' links, so that a process page walks this list (lib/processes/list-walk.ts). */
  from: string | null;
}

export async function getProcessListPage(ctx: Ctx, input: unknown): Promise<ProcessListPageModel> {
  const user = requireCapability(ctx, "processes.read");
  // Who is asking comes from the session: "My queue" is this user's, whatever the URL says.
  const viewer = { userId: user.id, role: user.role };
  const view = ListProcessesInput.safeParse(input);
  const failedInView = view.success && (view.data.filters.status ?? []).includes("failed");
  // One `where` for both (lib/processes/process-filters.ts); neither waits for the other.
  const page = listProcesses(ctx.db, input as ListProcessesInput, viewer);
  const counts = countProcessStatuses(ctx.db, (input as { filters?: unknown } | null)?.filters, viewer);
  const bulkRetry =
    can(user.role, "retries.write") && failedInView
      ? getBulkRetrySelection(ctx, { filters: view.data.filters, sort: view.data.sort }).then(({ items: _items, ...summary }) => summary)
      : null;
  const views = listSavedViews(ctx, { list: "processes" });
  const from = view.success ? sealProcessListView({ filters: view.data.filters, sort: view.data.sort }) : null;
  return { page, counts, bulkRetry, canReview: can(user.role, "reviews.write"), canExport: can(user.role, "lists.export"), views, from };
}
