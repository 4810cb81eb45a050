"use server";

import { z } from "zod";
import { requireCapability } from "@/lib/auth/context";
import { parseInput } from "@/lib/parse-input";
import { getBulkRetrySelection, retryFailedInView, type BulkRetrySelection } from "@/lib/retries/failed-in-view";
import type { BulkRetryItem } from "@/lib/retries/bulk-retry";
import { runActionForValue, type ActionValue } from "@/lib/server/action-result";
import { getRetryDeps } from "@/lib/server/retry-deps";
import { getCtx } from "@/lib/server/session";
import { refusalWords } from "../failure-words";
import { loadProcessSearchParams, toProcessFilters } from "./search-params";

/**
 * The queue's bulk retry. Server actions are public endpoints: the view arrives as the queue's own
 * query string and is read by the same parsers as the page; the verbs check the role and validate
 * the filters and ids again.
 */

const View = z.string().max(2_000);

function readView(view: unknown) {
  const params = loadProcessSearchParams(new URLSearchParams(parseInput(View, view, "This view of the queue is not valid")));
  return { filters: toProcessFilters(params), sort: params.sort };
}

/** The processes a bulk retry of this view would retry, worked out now, when the dialog opens. */
export async function prepareBulkRetryAction(view: string): Promise<ActionValue<BulkRetrySelection>> {
  const ctx = await getCtx();
  return runActionForValue(() => {
    // Who asks comes before what they ask: an anonymous caller hears "sign in", not "invalid view".
    requireCapability(ctx, "retries.write");
    return getBulkRetrySelection(ctx, readView(view));
  });
}

/**
 * One chunk of the selection, under the bulk id the dialog made when it opened. Each row's refusal is said
 * in the viewer's language, as the process page's retry says it; Assure's own words stay as they are.
 */
export async function bulkRetryChunkAction(input: { view: string; bulkId: string; processIds: string[] }): Promise<ActionValue<BulkRetryItem[]>> {
  const [ctx, say] = await Promise.all([getCtx(), refusalWords("ProcessPage.errors")]);
  return runActionForValue(async () => {
    requireCapability(ctx, "retries.write");
    const { filters } = readView(input?.view);
    const items = await retryFailedInView(ctx, getRetryDeps(), { filters, bulkId: input?.bulkId, processIds: input?.processIds });
    return items.map(({ code, values, ...item }) => ({ ...item, message: say({ code, values }) ?? item.message }));
  });
}
