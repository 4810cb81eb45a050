"use client";

import Link from "next/link";
import { useState } from "react";
import type { SavedView, SavedViewsOfList } from "@/lib/saved-views/list-saved-views";
import { deleteViewAction, pinViewAction, renameViewAction, shareViewAction, updateViewFiltersAction } from "./actions";
import { smallButton, ViewActionForm } from "./view-action-form";

export interface ViewsMenuProps {
  views: SavedViewsOfList;
  /** The list's filters now (without `?`), for "Use the current filters". */
  query: string;
  /** Its words, translated on the server (this code carries no message formatter). */
  words: ViewsMenuWords;
}

/** The menu's words, and each view's own (they name it), by view id. */
export interface ViewsMenuWords {
  open: string;
  mine: string;
  mineEmpty: string;
  team: string;
  teamEmpty: string;
  sharedBadge: string;
  pin: string;
  unpin: string;
  share: string;
  unshare: string;
  useCurrent: string;
  useCurrentTitle: string;
  rename: string;
  newName: string;
  delete: string;
  perView: Record<string, ViewWords>;
}

export interface ViewWords {
  pinLabel: string;
  unpinLabel: string;
  shareLabel: string;
  unshareLabel: string;
  renameLabel: string;
  deleteLabel: string;
  confirmDelete: string;
  owner: string;
}

function PinButton({ view, words }: { view: SavedView; words: ViewsMenuWords }) {
  const own = words.perView[view.id];
  return (
    <ViewActionForm action={pinViewAction} fields={{ id: view.id, pinned: String(!view.pinned) }}>
      <button className={smallButton} aria-label={view.pinned ? own?.unpinLabel : own?.pinLabel}>
        {view.pinned ? words.unpin : words.pin}
      </button>
    </ViewActionForm>
  );
}

function MyView({ view, query, onOpen, words }: { view: SavedView; query: string; onOpen: () => void; words: ViewsMenuWords }) {
  const own = words.perView[view.id];
  const [renaming, setRenaming] = useState(false);
  return (
    <li className="flex flex-col gap-1 py-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={view.href} onClick={onOpen} className="font-medium text-slate-900 underline-offset-2 hover:underline">{view.name}</Link>
        {view.shared && <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900">{words.sharedBadge}</span>}
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <PinButton view={view} words={words} />
        <ViewActionForm action={shareViewAction} fields={{ id: view.id, shared: String(!view.shared) }}>
          <button className={smallButton} aria-label={view.shared ? own?.unshareLabel : own?.shareLabel}>{view.shared ? words.unshare : words.share}</button>
        </ViewActionForm>
        {view.query !== query && (
          <ViewActionForm action={updateViewFiltersAction} fields={{ id: view.id, query }}>
            <button className={smallButton} title={words.useCurrentTitle}>{words.useCurrent}</button>
          </ViewActionForm>
        )}
        <button type="button" className={smallButton} onClick={() => setRenaming((r) => !r)} aria-label={own?.renameLabel}>{words.rename}</button>
        <ViewActionForm action={deleteViewAction} fields={{ id: view.id }}>
          <button
            className={`${smallButton} text-red-800`}
            aria-label={own?.deleteLabel}
            onClick={(e) => {
              if (own && !window.confirm(own.confirmDelete)) e.preventDefault();
            }}
          >
            {words.delete}
          </button>
        </ViewActionForm>
      </div>
      {renaming && (
        <ViewActionForm action={renameViewAction} fields={{ id: view.id }} onDone={() => setRenaming(false)} className="flex flex-wrap items-center gap-1">
          <input name="name" defaultValue={view.name} required maxLength={80} aria-label={words.newName} className="rounded border border-slate-300 px-2 py-0.5 text-sm" />
          <button className={smallButton}>{words.rename}</button>
        </ViewActionForm>
      )}
    </li>
  );
}

/** "Views": the user's own views (to open, pin, share, rename, delete) and the team's shared ones (to open, pin). */
/** The menu's contents, fetched when it is first opened (saved-views-popovers.tsx). */
export function ViewsMenuPanel({ views, query, words, onClose }: ViewsMenuProps & { onClose: () => void }) {
  return (
    <>
      <section aria-label={words.mine}>
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{words.mine}</h2>
        {views.mine.length === 0 ? (
          <p className="py-1.5 text-slate-600">{words.mineEmpty}</p>
        ) : (
          <ul className="divide-y divide-slate-100">{views.mine.map((view) => <MyView key={view.id} view={view} query={query} onOpen={onClose} words={words} />)}</ul>
        )}
      </section>
      <section aria-label={words.team} className="mt-3">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{words.team}</h2>
        {views.team.length === 0 ? (
          <p className="py-1.5 text-slate-600">{words.teamEmpty}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {views.team.map((view) => (
              <li key={view.id} className="flex flex-wrap items-center gap-2 py-1.5">
                <Link href={view.href} onClick={onClose} className="font-medium text-slate-900 underline-offset-2 hover:underline">{view.name}</Link>
                <span className="text-xs text-slate-600">{words.perView[view.id]?.owner}</span>
                <PinButton view={view} words={words} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
