import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { savedViewPins, savedViews } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { actorOf, requireCapability, type Ctx } from "../auth/context";
import type { StaffIdentity } from "../auth/sign-in";
import { Conflict, Forbidden, NotFound } from "../errors";
import { parseInput } from "../parse-input";
import { CreateViewInput, MAX_PINS, RenameViewInput, ShareViewInput, UpdateViewFiltersInput, ViewIdInput } from "./saved-view-input";
import { normaliseViewQuery, readViewQuery, viewUsableBy, type SavedViewList } from "./view-query";

/**
 * Saved views: a named set of a list's filters (view-query.ts), private to its owner or shared with the team.
 * Every role that reads the lists may save, share and pin views (`processes.read`): a shared view shows the
 * team a name and filters over rows they all read already, and never a look-up (view-query.ts refuses `q`),
 * so sharing reveals nothing a colleague could not click together. Only the owner renames, changes, shares,
 * unshares or deletes a view. What the team sees change is audited: sharing, unsharing, and changing or
 * deleting a shared view. Private views and pins change one person's side bar and are not.
 */

type ViewRow = typeof savedViews.$inferSelect;

/** Who the team sees acted on which view (the name and filters as they were: no personal data in either). */
function auditDetails(view: Pick<ViewRow, "list" | "name" | "query">, extra: Record<string, unknown> = {}) {
  return { list: view.list, name: view.name, query: view.query, ...extra };
}

async function nameTaken(tx: Tx, ownerId: string, list: SavedViewList, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(eq(savedViews.ownerId, ownerId), eq(savedViews.list, list), sql`lower(${savedViews.name}) = lower(${name})`, exceptId ? ne(savedViews.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

const duplicate = (name: string) => new Conflict(`You already have a view named “${name}” of this list`, { code: "viewNameTaken", values: { name } });

/** The view, if this user may see it (their own, or shared); a private view of someone else is NotFound. */
async function visibleView(tx: Tx, user: StaffIdentity, id: string, lock = false): Promise<ViewRow> {
  const query = tx.select().from(savedViews).where(eq(savedViews.id, id));
  const [view] = lock ? await query.for("update") : await query;
  if (!view || (view.ownerId !== user.id && !view.shared)) throw new NotFound("No such saved view", { code: "noSuchView" });
  return view;
}

async function ownView(tx: Tx, user: StaffIdentity, id: string, doing: string): Promise<ViewRow> {
  const view = await visibleView(tx, user, id, true);
  if (view.ownerId !== user.id) throw new Forbidden(`Only the view's owner may ${doing} it`, { code: "ownerOnly" });
  return view;
}

export interface SavedViewRef {
  id: string;
  list: SavedViewList;
  name: string;
  query: string;
  shared: boolean;
}

const ref = (view: ViewRow): SavedViewRef => ({ id: view.id, list: view.list, name: view.name, query: view.query, shared: view.shared });

/** Saves a list's filters under a name; the query is read by the list's own parser and stored normalised. */
export async function createSavedView(ctx: Ctx, input: unknown): Promise<SavedViewRef> {
  const user = requireCapability(ctx, "processes.read");
  const data = parseInput(CreateViewInput, input, "This view cannot be saved", "cannotSave");
  const query = normaliseViewQuery(data.list, data.query);
  return ctx.db.transaction(async (tx) => {
    if (await nameTaken(tx, user.id, data.list, data.name)) throw duplicate(data.name);
    const [view] = await tx
      .insert(savedViews)
      .values({ ownerId: user.id, list: data.list, name: data.name, query, shared: data.shared })
      .onConflictDoNothing()
      .returning();
    // Two saves of one name at once: the unique index decides.
    if (!view) throw duplicate(data.name);
    if (view.shared) await recordAudit(tx, actorOf(ctx), { action: "saved_view.share", target: view.id, details: auditDetails(view, { created: true }) });
    return ref(view);
  });
}

export async function renameSavedView(ctx: Ctx, input: unknown): Promise<SavedViewRef> {
  const user = requireCapability(ctx, "processes.read");
  const { id, name } = parseInput(RenameViewInput, input, "This view cannot be renamed", "cannotRename");
  return ctx.db.transaction(async (tx) => {
    const view = await ownView(tx, user, id, "rename");
    if (await nameTaken(tx, user.id, view.list, name, id)) throw duplicate(name);
    const [renamed] = await tx.update(savedViews).set({ name, updatedAt: sql`now()` }).where(eq(savedViews.id, id)).returning();
    if (view.shared && view.name !== name) {
      await recordAudit(tx, actorOf(ctx), { action: "saved_view.update", target: id, details: auditDetails(renamed!, { previousName: view.name }) });
    }
    return ref(renamed!);
  });
}

/** Replaces a view's filters with the list's current ones (read and normalised as when it was saved). */
export async function updateSavedViewFilters(ctx: Ctx, input: unknown): Promise<SavedViewRef> {
  const user = requireCapability(ctx, "processes.read");
  const { id, query: given } = parseInput(UpdateViewFiltersInput, input, "This view cannot be changed", "cannotChange");
  return ctx.db.transaction(async (tx) => {
    const view = await ownView(tx, user, id, "change");
    const query = normaliseViewQuery(view.list, given);
    const [updated] = await tx.update(savedViews).set({ query, updatedAt: sql`now()` }).where(eq(savedViews.id, id)).returning();
    if (view.shared && view.query !== query) {
      await recordAudit(tx, actorOf(ctx), { action: "saved_view.update", target: id, details: auditDetails(updated!, { previousQuery: view.query }) });
    }
    return ref(updated!);
  });
}

/** Shares a view with the team, or takes it back: unsharing also removes it from others' side bars. */
export async function shareSavedView(ctx: Ctx, input: unknown): Promise<SavedViewRef> {
  const user = requireCapability(ctx, "processes.read");
  const { id, shared } = parseInput(ShareViewInput, input, "This view cannot be shared", "cannotChange");
  return ctx.db.transaction(async (tx) => {
    const view = await ownView(tx, user, id, shared ? "share" : "unshare");
    if (view.shared === shared) return ref(view);
    const [updated] = await tx.update(savedViews).set({ shared, updatedAt: sql`now()` }).where(eq(savedViews.id, id)).returning();
    if (!shared) await tx.delete(savedViewPins).where(and(eq(savedViewPins.viewId, id), ne(savedViewPins.staffUserId, user.id)));
    await recordAudit(tx, actorOf(ctx), { action: shared ? "saved_view.share" : "saved_view.unshare", target: id, details: auditDetails(view) });
    return ref(updated!);
  });
}

/** Deletes a view; a shared one disappears for everyone (their pins go with it) and is audited. */
export async function deleteSavedView(ctx: Ctx, input: unknown): Promise<void> {
  const user = requireCapability(ctx, "processes.read");
  const { id } = parseInput(ViewIdInput, input, "This view cannot be deleted", "cannotChange");
  await ctx.db.transaction(async (tx) => {
    const view = await ownView(tx, user, id, "delete");
    await tx.delete(savedViews).where(eq(savedViews.id, id));
    if (view.shared) await recordAudit(tx, actorOf(ctx), { action: "saved_view.delete", target: id, details: auditDetails(view) });
  });
}

/** Pins a view this user can see (their own or a shared one) to their side bar; at most MAX_PINS. */
export async function pinSavedView(ctx: Ctx, input: unknown): Promise<void> {
  const user = requireCapability(ctx, "processes.read");
  const { id } = parseInput(ViewIdInput, input, "This view cannot be pinned", "cannotChange");
  await ctx.db.transaction(async (tx) => {
    const view = await visibleView(tx, user, id);
    if (!viewUsableBy(user.role, readViewQuery(view.list, view.query))) throw new NotFound("No such saved view", { code: "noSuchView" });
    const [pins] = await tx.select({ n: count() }).from(savedViewPins).where(and(eq(savedViewPins.staffUserId, user.id), ne(savedViewPins.viewId, id)));
    if ((pins?.n ?? 0) >= MAX_PINS) throw new Conflict(`At most ${MAX_PINS} views fit in the side bar: unpin one first`, { code: "tooManyPins", values: { max: MAX_PINS } });
    await tx.insert(savedViewPins).values({ staffUserId: user.id, viewId: id }).onConflictDoNothing();
  });
}

/** Takes a view out of this user's side bar (their pin only; the view stays). */
export async function unpinSavedView(ctx: Ctx, input: unknown): Promise<void> {
  const user = requireCapability(ctx, "processes.read");
  const { id } = parseInput(ViewIdInput, input, "This view cannot be unpinned", "cannotChange");
  await ctx.db.delete(savedViewPins).where(and(eq(savedViewPins.staffUserId, user.id), eq(savedViewPins.viewId, id)));
}
