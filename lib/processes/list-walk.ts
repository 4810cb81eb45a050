import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { processes } from "../../db/schema";
import { exactTimestamp, planKeyset, type CursorDirection } from "../pagination/scoped-cursor";
import { openView, sealView } from "../pagination/sealed-view";
import type { QueueViewer } from "./assignment-filter";
import { processSortTime } from "./list-processes";
import { parseLookup } from "./parse-lookup";
import { processWhere } from "./process-filters";
import { PROCESS_SORTS, ProcessFilters } from "./process-list-query";

/**
 * The queue a process page was opened from, and the processes before and after it there: the officer
 * walks the list (`j`/`k`) with its filters and order, without going back to it.
 */

const PURPOSE = "processes";

export const ProcessListView = z.object({ filters: ProcessFilters, sort: z.enum(PROCESS_SORTS) });
export type ProcessListView = z.output<typeof ProcessListView>;

export interface ProcessLink {
  dossierId: string;
  processId: string;
}

export interface ProcessNeighbours {
  previous: ProcessLink | null;
  next: ProcessLink | null;
}

/** The queue's view as an opaque `from` value for the links to its processes (lib/pagination/sealed-view.ts). */
export function sealProcessListView(view: ProcessListView): string {
  // Unset filters are left out: the value travels in every link of the page.
  const filters = Object.fromEntries(Object.entries(view.filters).filter(([, value]) => value !== null && value !== undefined));
  return sealView(PURPOSE, { filters, sort: view.sort });
}

/** The view a `from` value holds, or null: none given, damaged, sealed elsewhere, or no longer a valid view. */
export function openProcessListView(sealed: string | null | undefined): ProcessListView | null {
  if (!sealed) return null;
  const parsed = ProcessListView.safeParse(openView(PURPOSE, sealed));
  // The look-up was read when the view was sealed; a reading that changed since makes it no view.
  return parsed.success && parseLookup(parsed.data.filters.q, parsed.data.filters.by ?? "auto").ok ? parsed.data : null;
}

/**
 * The processes just before and after `processId` in the view: the queue's own `where` and order (time,
 * then id), read by keyset from the process's position, one row each way. The position is the process's own,
 * so a process the view no longer holds (assigned since, or decided) still has its neighbours where it stood.
 */
export async function getProcessNeighbours(db: Db, processId: string, view: ProcessListView, viewer: QueueViewer | null): Promise<ProcessNeighbours> {
  const time = processSortTime(view.sort);
  const [position] = await db.select({ at: exactTimestamp(time) }).from(processes).where(eq(processes.processId, processId));
  if (!position) return { previous: null, next: null };
  const where = processWhere(view.filters, viewer);
  const order = view.sort.endsWith("asc") ? "asc" : "desc";
  const neighbour = async (direction: CursorDirection): Promise<ProcessLink | null> => {
    const plan = planKeyset(time, processes.processId, order, { at: position.at, id: processId, direction });
    const by = plan.descending ? desc : asc;
    const [row] = await db
      .select({ dossierId: processes.dossierId, processId: processes.processId })
      .from(processes)
      .where(and(where, plan.where))
      .orderBy(by(time), by(processes.processId))
      .limit(1);
    return row ?? null;
  };
  const [previous, next] = await Promise.all([neighbour("prev"), neighbour("next")]);
  return { previous, next };
}
