import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { SavedViewsOfList } from "@/lib/saved-views/list-saved-views";
import type { SavedViewList } from "@/lib/saved-views/view-query";
import { SaveViewForm } from "./save-view-form";
import { ViewsMenu } from "./views-menu";

interface SavedViewsControlsProps {
  list: SavedViewList;
  /** The list's filters now, as its own serializer writes them (without `?`, page position left out). */
  query: string;
  views: Promise<SavedViewsOfList>;
}

/** "Save view" and "Views" beside a list's filters; streams in when the user's views are read. */
export async function SavedViewsControls({ list, query, views }: SavedViewsControlsProps) {
  const [loaded, messages] = await Promise.all([views, getMessages()]);
  return (
    // The forms and menus translate their own words: they get only their namespace.
    <NextIntlClientProvider messages={{ SavedViews: messages.SavedViews }}>
      <div className="flex items-center gap-2">
        <SaveViewForm list={list} query={query} />
        <ViewsMenu views={loaded} query={query} />
      </div>
    </NextIntlClientProvider>
  );
}
