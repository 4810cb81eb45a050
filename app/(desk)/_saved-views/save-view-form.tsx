"use client";

import { useCallback, useRef } from "react";
import type { SavedViewList } from "@/lib/saved-views/view-query";
import { saveViewAction } from "./actions";
import { ViewActionForm } from "./view-action-form";

interface SaveViewFormProps {
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

/** "Save view": names the filters on screen, for oneself or for the team. */
export function SaveViewForm({ list, query, words }: SaveViewFormProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => details.current?.removeAttribute("open"), []);
  return (
    <details ref={details} className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">{words.open}</summary>
      <div className="absolute right-0 z-20 mt-1 w-80 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <ViewActionForm action={saveViewAction} fields={{ list, query }} onDone={close} className="flex flex-col gap-2 text-sm">
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
      </div>
    </details>
  );
}
