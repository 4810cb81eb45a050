"use client";

import type { SavedViewList } from "@/lib/saved-views/view-query";
import { saveViewAction } from "./actions";
import { ViewActionForm } from "./view-action-form";

export interface SaveViewFormProps {
  list: SavedViewList;
  /** The list's filters as its URL holds them now, without `?` (the server normalises and checks them). */
  query: string;
  /** Its words, translated on the server. */
  words: SaveViewWords;
}

export interface SaveViewWords {
  open: string;
  name: string;
  namePlaceholder: string;
  share: string;
  hint: string;
  submit: string;
}

/** "Save view": names the filters on screen, for oneself or for the team. Fetched when first opened (saved-views-popovers.tsx). */
export function SaveViewPanel({ list, query, words, onClose }: SaveViewFormProps & { onClose: () => void }) {
  return (
    <ViewActionForm action={saveViewAction} fields={{ list, query }} onDone={onClose} className="flex flex-col gap-2 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium">{words.name}</span>
        <input name="name" required maxLength={80} placeholder={words.namePlaceholder} className="rounded-md border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="shared" />
        {words.share}
      </label>
      <p className="text-xs text-slate-600">{words.hint}</p>
      <button className="self-start rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">{words.submit}</button>
    </ViewActionForm>
  );
}
