import { z } from "zod";
import { INBOX_STATES, type InboxState } from "@/lib/webhooks/list-inbox";

/** The inbox screen's URL: which state, which page, and the outcome of a replay just made. */
const InboxSearchParams = z.object({
  state: z.enum(INBOX_STATES).optional().catch(undefined),
  cursor: z.coerce.number().int().positive().optional().catch(undefined),
  replayed: z.coerce.number().int().positive().optional().catch(undefined),
});
export type InboxSearch = z.infer<typeof InboxSearchParams>;

export function parseInboxSearchParams(raw: Record<string, string | string[] | undefined>): InboxSearch {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return InboxSearchParams.parse({ state: first(raw.state), cursor: first(raw.cursor), replayed: first(raw.replayed) });
}

export function inboxHref(params: { state?: InboxState; cursor?: number; replayed?: number }): string {
  const search = new URLSearchParams();
  if (params.state) search.set("state", params.state);
  if (params.cursor) search.set("cursor", String(params.cursor));
  if (params.replayed) search.set("replayed", String(params.replayed));
  const query = search.toString();
  return query ? `/admin/inbox?${query}` : "/admin/inbox";
}
