import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { SAVED_VIEW_LISTS } from "./enums";
import { staffUsers } from "./staff-schema";

const tz = { withTimezone: true, mode: "date" } as const;

export { SAVED_VIEW_LISTS };

/**
 * A named set of a list's filters (lib/saved-views/). `query` is the list's URL query without `?`,
 * normalised by lib/saved-views/view-query.ts: known filter keys only, in one order, never a page position
 * nor the look-up box. Private to its owner unless `shared`; a staff user's views go with the user.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
    ownerId: text("owner_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    list: text("list", { enum: SAVED_VIEW_LISTS }).notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    shared: boolean("shared").notNull().default(false),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    // "My views of this list" reads this index; a name is unique per owner and list whatever its case.
    uniqueIndex("saved_views_owner_name_idx").on(t.ownerId, t.list, sql`lower(${t.name})`),
    // "The team's shared views of this list".
    index("saved_views_shared_idx").on(t.list).where(sql`${t.shared}`),
    check("saved_views_list", sql`${t.list} in ('processes', 'dossiers')`),
    check("saved_views_name_length", sql`char_length(${t.name}) between 1 and 80`),
  ],
);

/**
 * Which views a staff user keeps in the side bar: pins are each user's own, so a view shared by someone
 * else can be pinned too. Unsharing or deleting a view removes the pins others had on it.
 */
export const savedViewPins = pgTable(
  "saved_view_pins",
  {
    staffUserId: text("staff_user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    viewId: text("view_id")
      .notNull()
      .references(() => savedViews.id, { onDelete: "cascade" }),
    pinnedAt: timestamp("pinned_at", tz).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.staffUserId, t.viewId] }), index("saved_view_pins_view_idx").on(t.viewId)],
);
