import "server-only";
import type { Db } from "../../db/client";
import { requireCapability, type Ctx } from "../auth/context";
import { countDossiers } from "../dossiers/count-dossiers";
import type { DossierFilters } from "../dossiers/dossier-list-query";
import { answerFor } from "../error-answer";
import type { QueueViewer } from "../processes/assignment-filter";
import type { ProcessFilters } from "../processes/process-list-query";
import { countProcessStatuses } from "../processes/status-counts";
import type { StatusCount } from "../processes/status-counts-types";
import { listPinnedViews, type SavedView } from "./list-saved-views";
import { readViewQuery } from "./view-query";

/** A pinned view's count as the side bar shows it, or why there is none. */
export type PinnedViewCount = { id: string } & ({ ok: true; count: StatusCount } | { ok: false; message: string });

/**
 * How many rows a view holds: the list's own count of its filters, never a second implementation. The queue
 * counts with `countProcessStatuses` (exact counters when only statuses narrow, else one pass capped at
 * COUNT_CAP) and the dossier list with `countDossiers` (capped too), so a view's count is what its list says
 * above the table. `viewer` is who asks: "My queue" is theirs.
 */
export async function countView(db: Db, view: Pick<SavedView, "list" | "query">, viewer: QueueViewer): Promise<StatusCount> {
  const { list, filters } = readViewQuery(view.list, view.query);
  if (list === "dossiers") return countDossiers(db, filters as DossierFilters);
  return (await countProcessStatuses(db, filters as ProcessFilters, viewer)).total;
}

/**
 * The counts of the side bar's pinned views (at most MAX_PINS), in parallel. Each is capped like its list's,
 * so the side bar pays at most MAX_PINS bounded counts however large the desk. A view that cannot be counted
 * says why beside its name instead of failing the others.
 */
export async function countPinnedViews(ctx: Ctx): Promise<PinnedViewCount[]> {
  const user = requireCapability(ctx, "processes.read");
  const viewer = { userId: user.id, role: user.role };
  const pinned = await listPinnedViews(ctx);
  return Promise.all(
    pinned.map(async (view): Promise<PinnedViewCount> => {
      try {
        return { id: view.id, ok: true, count: await countView(ctx.db, view, viewer) };
      } catch (error) {
        // Logged with a reference by answerFor when unexpected; the others still count.
        return { id: view.id, ok: false, message: answerFor(error, "saved view count").message };
      }
    }),
  );
}
