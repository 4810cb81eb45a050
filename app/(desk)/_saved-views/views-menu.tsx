"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { SavedView, SavedViewsOfList } from "@/lib/saved-views/list-saved-views";
import { deleteViewAction, pinViewAction, renameViewAction, shareViewAction, updateViewFiltersAction } from "./actions";
import { smallButton, ViewActionForm } from "./view-action-form";

interface ViewsMenuProps {
  views: SavedViewsOfList;
  /** The list's filters now (without `?`), for "Use the current filters". */
  query: string;
}

function PinButton({ view }: { view: SavedView }) {
  return (
    <ViewActionForm action={pinViewAction} fields={{ id: view.id, pinned: String(!view.pinned) }}>
      <button className={smallButton} aria-label={`${view.pinned ? "Unpin" : "Pin"} ${view.name}`}>
        {view.pinned ? "Unpin" : "Pin"}
      </button>
    </ViewActionForm>
  );
}

function MyView({ view, query, onOpen }: { view: SavedView; query: string; onOpen: () => void }) {
  const [renaming, setRenaming] = useState(false);
  return (
    <li className="flex flex-col gap-1 py-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={view.href} onClick={onOpen} className="font-medium text-slate-900 underline-offset-2 hover:underline">{view.name}</Link>
        {view.shared && <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-900">shared</span>}
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <PinButton view={view} />
        <ViewActionForm action={shareViewAction} fields={{ id: view.id, shared: String(!view.shared) }}>
          <button className={smallButton} aria-label={`${view.shared ? "Stop sharing" : "Share"} ${view.name}`}>{view.shared ? "Stop sharing" : "Share"}</button>
        </ViewActionForm>
        {view.query !== query && (
          <ViewActionForm action={updateViewFiltersAction} fields={{ id: view.id, query }}>
            <button className={smallButton} title="Replace this view's filters with the ones on screen">Use current filters</button>
          </ViewActionForm>
        )}
        <button type="button" className={smallButton} onClick={() => setRenaming((r) => !r)} aria-label={`Rename ${view.name}`}>Rename</button>
        <ViewActionForm action={deleteViewAction} fields={{ id: view.id }}>
          <button
            className={`${smallButton} text-red-800`}
            aria-label={`Delete ${view.name}`}
            onClick={(e) => {
              if (!window.confirm(view.shared ? `Delete “${view.name}”? It disappears for the whole team.` : `Delete “${view.name}”?`)) e.preventDefault();
            }}
          >
            Delete
          </button>
        </ViewActionForm>
      </div>
      {renaming && (
        <ViewActionForm action={renameViewAction} fields={{ id: view.id }} onDone={() => setRenaming(false)} className="flex flex-wrap items-center gap-1">
          <input name="name" defaultValue={view.name} required maxLength={80} aria-label="New name" className="rounded border border-slate-300 px-2 py-0.5 text-sm" />
          <button className={smallButton}>Rename</button>
        </ViewActionForm>
      )}
    </li>
  );
}

/** "Views": the user's own views (to open, pin, share, rename, delete) and the team's shared ones (to open, pin). */
export function ViewsMenu({ views, query }: ViewsMenuProps) {
  const total = views.mine.length + views.team.length;
  const details = useRef<HTMLDetailsElement>(null);
  // Opening a view closes the menu (the page and the menu stay mounted across the navigation).
  const close = () => details.current?.removeAttribute("open");
  return (
    <details ref={details} className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">Views ({total})</summary>
      <div className="absolute right-0 z-20 mt-1 max-h-[70vh] w-96 overflow-y-auto rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
        <section aria-label="My views">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">My views</h2>
          {views.mine.length === 0 ? (
            <p className="py-1.5 text-slate-600">None yet: set filters, then Save view.</p>
          ) : (
            <ul className="divide-y divide-slate-100">{views.mine.map((view) => <MyView key={view.id} view={view} query={query} onOpen={close} />)}</ul>
          )}
        </section>
        <section aria-label="Shared by the team" className="mt-3">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Shared by the team</h2>
          {views.team.length === 0 ? (
            <p className="py-1.5 text-slate-600">Nobody has shared a view of this list.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {views.team.map((view) => (
                <li key={view.id} className="flex flex-wrap items-center gap-2 py-1.5">
                  <Link href={view.href} onClick={close} className="font-medium text-slate-900 underline-offset-2 hover:underline">{view.name}</Link>
                  <span className="text-xs text-slate-600">by {view.ownerName}</span>
                  <PinButton view={view} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </details>
  );
}
