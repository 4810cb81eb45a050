import "server-only";
import { and, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { PRESENCE_MODES, processPresence, staffUsers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import { can, type StaffRole } from "../auth/permissions";
import { publishDeskEvent } from "../events/publish-event";
import { parseInput } from "../parse-input";

/** A tab not heard from for this long no longer counts as there. */
export const PRESENCE_TTL_SECONDS = 60;

/** The TTL ago: a tab seen since is there; a goodbye sets its row's seen time to this, out of every read at once. */
const ttlAgo = () => sql`now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})`;

const PresenceInput = z.object({
  tabId: z.string().uuid(),
  processId: z.string().min(1).max(200),
  mode: z.enum(PRESENCE_MODES).default("viewing"),
  /** The tab closed or left the page. */
  leave: z.boolean().default(false),
  /**
   * The tab's count of its reports, from 1: a report older than the last one applied is dropped. Absent from a
   * page loaded before reports were numbered; its reports are applied in the order they arrive.
   */
  seq: z.number().int().min(1).max(2 ** 31 - 1).optional(),
});

const PresenceQuery = z.object({
  processIds: z.array(z.string().min(1).max(200)).max(200),
});

export interface PresenceEntry {
  processId: string;
  name: string;
  role: StaffRole;
  mode: (typeof PRESENCE_MODES)[number];
}

/**
 * A page's heartbeat (every ~20 s) or its goodbye. Only a change others would see (someone arrives,
 * starts or stops reviewing, leaves) is published; a heartbeat that changes nothing is one small write.
 * Not audited: it changes no data, and the log would fill with heartbeats.
 *
 * A goodbye does not delete the tab's row: it keeps it, out of every read and removed with the other old rows
 * after an hour, with the goodbye's number. A heartbeat the tab sent before the goodbye that arrives after it
 * is then dropped instead of putting the tab back for a minute; a goodbye that arrives before the tab's first
 * heartbeat leaves such a row too. A page restored from the browser's cache says hello with a higher number.
 */
export async function reportPresence(ctx: Ctx, input: unknown): Promise<void> {
  const user = requireCapability(ctx, "processes.read");
  const data = parseInput(PresenceInput, input, "Invalid presence");
  // Only those who may decide are "reviewing"; anyone else is viewing whatever the page says.
  const mode = data.mode === "reviewing" && can(user.role, "reviews.write") ? "reviewing" : "viewing";
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        processId: processPresence.processId,
        mode: processPresence.mode,
        staffUserId: processPresence.staffUserId,
        seq: processPresence.seq,
        live: sql<boolean>`${processPresence.seenAt} > ${ttlAgo()}`,
      })
      .from(processPresence)
      .where(eq(processPresence.tabId, data.tabId))
      .for("update");
    // A tab id belongs to whoever made it first: another user cannot move or remove it.
    if (before && before.staffUserId !== user.id) return;
    // Sent before the last report applied, arrived after it.
    if (before && data.seq !== undefined && data.seq <= before.seq) return;
    const seq = data.seq ?? 0;
    // The same two checks where a tab's first two reports meet in the insert (neither saw the other's row).
    const applies = sql`${processPresence.staffUserId} = excluded.staff_user_id and (excluded.seq = 0 or ${processPresence.seq} < excluded.seq)`;
    if (data.leave) {
      if (!before && data.seq === undefined) return;
      await tx
        .insert(processPresence)
        .values({ tabId: data.tabId, staffUserId: user.id, processId: data.processId, mode, seq, seenAt: ttlAgo() })
        .onConflictDoUpdate({ target: processPresence.tabId, set: { seq, seenAt: ttlAgo() }, setWhere: applies });
      if (before?.live) await publishDeskEvent(tx, { kind: "presence", processId: before.processId });
      return;
    }
    await tx
      .insert(processPresence)
      .values({ tabId: data.tabId, staffUserId: user.id, processId: data.processId, mode, seq })
      .onConflictDoUpdate({ target: processPresence.tabId, set: { processId: data.processId, mode, seq, seenAt: sql`now()` }, setWhere: applies });
    // Rows of tabs that closed without saying so: kept out of every read already, removed here now and then.
    await tx.delete(processPresence).where(lt(processPresence.seenAt, sql`now() - interval '1 hour'`));
    const changed = !before || !before.live || before.processId !== data.processId || before.mode !== mode;
    if (!changed) return;
    if (before && before.live && before.processId !== data.processId) await publishDeskEvent(tx, { kind: "presence", processId: before.processId });
    await publishDeskEvent(tx, { kind: "presence", processId: data.processId });
  });
}

/** Who else (not the asker) has these processes open now, one entry per person and process. */
export async function listPresence(ctx: Ctx, input: unknown): Promise<PresenceEntry[]> {
  const user = requireCapability(ctx, "processes.read");
  const { processIds } = parseInput(PresenceQuery, input, "Invalid presence query");
  if (processIds.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ processId: processPresence.processId, staffUserId: processPresence.staffUserId, name: staffUsers.name, role: staffUsers.role, mode: processPresence.mode })
    .from(processPresence)
    .innerJoin(staffUsers, eq(staffUsers.id, processPresence.staffUserId))
    .where(
      and(
        inArray(processPresence.processId, processIds),
        ne(processPresence.staffUserId, user.id),
        eq(staffUsers.active, true),
        gt(processPresence.seenAt, ttlAgo()),
      ),
    );
  // Two tabs of one person on one process: "reviewing" wins over "viewing".
  const byPerson = new Map<string, PresenceEntry>();
  for (const row of rows) {
    const key = `${row.processId}\u0000${row.staffUserId}`;
    const seen = byPerson.get(key);
    if (!seen || row.mode === "reviewing") byPerson.set(key, { processId: row.processId, name: row.name, role: row.role, mode: row.mode });
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name));
}
