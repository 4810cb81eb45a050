import { z } from "zod";
import { SAVED_VIEW_LISTS } from "../../db/enums";
import { MAX_QUERY_LENGTH } from "./view-query";

/** What the saved-view verbs are asked, as zod reads it (the filters themselves: view-query.ts). */

export const MAX_NAME_LENGTH = 80;
/** The side bar shows at most this many pinned views, each with a count: what one page view may pay. */
export const MAX_PINS = 10;

export const ViewName = z
  .string({ error: "Give the view a name" })
  .trim()
  .min(1, "Give the view a name")
  .max(MAX_NAME_LENGTH, `A view's name has at most ${MAX_NAME_LENGTH} characters`);

const ViewQuery = z.string().max(MAX_QUERY_LENGTH, `The address is longer than ${MAX_QUERY_LENGTH} characters`);
const ViewId = z.uuid({ error: "Not a saved view" });

export const CreateViewInput = z.object({
  list: z.enum(SAVED_VIEW_LISTS, { error: `A view is of ${SAVED_VIEW_LISTS.join(" or ")}` }),
  name: ViewName,
  query: ViewQuery,
  shared: z.boolean().default(false),
});

export const RenameViewInput = z.object({ id: ViewId, name: ViewName });
export const UpdateViewFiltersInput = z.object({ id: ViewId, query: ViewQuery });
export const ShareViewInput = z.object({ id: ViewId, shared: z.boolean() });
export const ViewIdInput = z.object({ id: ViewId });
export const ListViewsInput = z.object({ list: z.enum(SAVED_VIEW_LISTS) });
