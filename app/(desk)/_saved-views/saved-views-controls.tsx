import { getTranslations } from "next-intl/server";
import type { SavedViewsOfList } from "@/lib/saved-views/list-saved-views";
import type { SavedViewList } from "@/lib/saved-views/view-query";
import { SavedViewsPopovers } from "./saved-views-popovers";
import type { ViewsMenuWords } from "./views-menu";

interface SavedViewsControlsProps {
  list: SavedViewList;
  /** The list's filters now, as its own serializer writes them (without `?`, page position left out). */
  query: string;
  views: Promise<SavedViewsOfList>;
}

/**
 * "Save view" and "Views" beside a list's filters; streams in when the user's views are read. Their words are
 * translated here, on the server, and passed down: the list pages' browser code carries no message formatter.
 */
export async function SavedViewsControls({ list, query, views }: SavedViewsControlsProps) {
  const [loaded, save, menu] = await Promise.all([views, getTranslations("SavedViews.save"), getTranslations("SavedViews.menu")]);
  const menuWords: ViewsMenuWords = {
    open: menu("open", { count: loaded.mine.length + loaded.team.length }),
    mine: menu("mine"),
    mineEmpty: menu("mineEmpty"),
    team: menu("team"),
    teamEmpty: menu("teamEmpty"),
    sharedBadge: menu("sharedBadge"),
    pin: menu("pin"),
    unpin: menu("unpin"),
    share: menu("share"),
    unshare: menu("unshare"),
    useCurrent: menu("useCurrent"),
    useCurrentTitle: menu("useCurrentTitle"),
    rename: menu("rename"),
    newName: menu("newName"),
    delete: menu("delete"),
    perView: Object.fromEntries(
      [...loaded.mine, ...loaded.team].map((view) => [
        view.id,
        {
          pinLabel: menu("pinLabel", { name: view.name }),
          unpinLabel: menu("unpinLabel", { name: view.name }),
          shareLabel: menu("shareLabel", { name: view.name }),
          unshareLabel: menu("unshareLabel", { name: view.name }),
          renameLabel: menu("renameLabel", { name: view.name }),
          deleteLabel: menu("deleteLabel", { name: view.name }),
          confirmDelete: menu(view.shared ? "confirmDeleteShared" : "confirmDelete", { name: view.name }),
          owner: menu("owner", { owner: view.ownerName }),
        },
      ]),
    ),
  };
  const saveWords = { open: save("open"), name: save("name"), namePlaceholder: save("namePlaceholder"), share: save("share"), hint: save("hint"), submit: save("submit") };
  return <SavedViewsPopovers save={{ list, query, words: saveWords }} menu={{ views: loaded, query, words: menuWords }} />;
}
