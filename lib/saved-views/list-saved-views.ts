import "server-only";
import { and, asc, eq, or, sql } from "drizzle-orm";
import { savedViewPins, savedViews, staffUsers } from "../../db/schema";
import { requireCapability, type Ctx } from "../auth/context";
import type { StaffIdentity } from "../auth/sign-in";
import { parseInput } from "../parse-input";
import { ListViewsInput, MAX_PINS } from "./saved-view-input";
import { readViewQuery, viewUsableBy, type SavedViewList } from "./view-query";

/** A saved view as a user sees it: theirs or the team's, pinned or not, and where it leads. */
export interface SavedView {
  id: string;
  list: SavedViewList;
  name: string;
  /** The list's URL query without `?` (normalised: lib/saved-views/view-query.ts). */
  query: string;
  /** `/processes?status=inconclusive&doc=passport`: a saved view is a link. */
  href: string;
  shared: boolean;
  /** Saved by the signed-in user (who alone may rename, change, share or delete it). */
  mine: boolean;
  ownerName: string;
  pinned: boolean;
}

export const viewHref = (list: SavedViewList, query: string) => `/${list}${query ? `?${query}` : ""}`;

/** The user's own views and the team's shared ones; the review filters' views only for the roles that review. */
function usable(user: StaffIdentity, view: { list: SavedViewList; query: string }): boolean {
  try {
    return viewUsableBy(user.role, readViewQuery(view.list, view.query));
  } catch {
    // A view stored before a filter changed meaning: listed, so that its owner can see and delete it.
    return true;
  }
}

const visibleTo = (userId: string) => or(eq(savedViews.ownerId, userId), eq(savedViews.shared, true));

async function readViews(ctx: Ctx, user: StaffIdentity, where: ReturnType<typeof and>, pinnedOnly: boolean) {
  const rows = await ctx.db
    .select({
      id: savedViews.id,
      list: savedViews.list,
      name: savedViews.name,
      query: savedViews.query,
      shared: savedViews.shared,
      ownerId: savedViews.ownerId,
      ownerName: staffUsers.name,
      pinned: sql<boolean>`${savedViewPins.viewId} is not null`,
      pinnedAt: savedViewPins.pinnedAt,
    })
    .from(savedViews)
    .innerJoin(staffUsers, eq(staffUsers.id, savedViews.ownerId))
    .leftJoin(savedViewPins, and(eq(savedViewPins.viewId, savedViews.id), eq(savedViewPins.staffUserId, user.id)))
    .where(and(where, visibleTo(user.id), pinnedOnly ? sql`${savedViewPins.viewId} is not null` : undefined))
    .orderBy(pinnedOnly ? asc(savedViewPins.pinnedAt) : asc(sql`lower(${savedViews.name})`), asc(savedViews.id))
    .limit(pinnedOnly ? MAX_PINS : 500);
  return rows
    .filter((row) => row.ownerId === user.id || usable(user, row))
    .map(({ ownerId, pinnedAt: _pinnedAt, ...row }): SavedView => ({ ...row, mine: ownerId === user.id, pinned: Boolean(row.pinned), href: viewHref(row.list, row.query) }));
}

export interface SavedViewsOfList {
  mine: SavedView[];
  /** Shared by others. */
  team: SavedView[];
}

/** The Views menu of a list: the user's own views (private and shared) and what others share. */
export async function listSavedViews(ctx: Ctx, input: unknown): Promise<SavedViewsOfList> {
  const user = requireCapability(ctx, "processes.read");
  const { list } = parseInput(ListViewsInput, input, "No such list");
  const views = await readViews(ctx, user, eq(savedViews.list, list), false);
  return { mine: views.filter((v) => v.mine), team: views.filter((v) => !v.mine) };
}

/** The side bar: the views this user pinned that they still see, oldest pin first, at most MAX_PINS. */
export async function listPinnedViews(ctx: Ctx): Promise<SavedView[]> {
  const user = requireCapability(ctx, "processes.read");
  return readViews(ctx, user, undefined, true);
}
