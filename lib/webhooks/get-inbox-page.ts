import "server-only";
import { z } from "zod";
import { requireCapability, type Ctx } from "../auth/context";
import { getEnv } from "../config";
import { parseInput } from "../parse-input";
import { INBOX_STATES, listInbox, type InboxPage } from "./list-inbox";

const InboxPageInput = z.object({
  state: z.enum(INBOX_STATES).optional(),
  cursor: z.number().int().positive().optional(),
});

export interface InboxPageModel extends InboxPage {
  /** INBOX_RETENTION_DAYS: how long done rows are kept (0: kept). */
  retentionDays: number;
}

/** The webhook inbox page: one page of rows in a state, with the counts per state. */
export async function getInboxPage(ctx: Ctx, input: unknown): Promise<InboxPageModel> {
  requireCapability(ctx, "desk.admin");
  const { state, cursor } = parseInput(InboxPageInput, input, "This view of the inbox is not valid");
  const page = await listInbox(ctx, { state, cursor, limit: 50 });
  return { ...page, retentionDays: getEnv().INBOX_RETENTION_DAYS };
}
