"use client";

import { lazy, Suspense, useCallback, useState, type ReactNode } from "react";
import type { SaveViewFormProps } from "./save-view-form";
import type { ViewsMenuProps } from "./views-menu";

// The menu and the form are their own chunks, fetched when first opened (or pointed at): the list pages' first
// load carries only these two buttons. React's lazy: next/dynamic would add more than it saves.
const loadMenu = () => import("./views-menu");
const loadForm = () => import("./save-view-form");
const ViewsMenuPanel = lazy(() => loadMenu().then((m) => ({ default: m.ViewsMenuPanel })));
const SaveViewPanel = lazy(() => loadForm().then((m) => ({ default: m.SaveViewPanel })));

interface PopoverProps {
  label: string;
  panelClassName: string;
  /** Warms the panel's chunk before the click. */
  preload: () => unknown;
  children: (close: () => void) => ReactNode;
}

/** A button that opens a panel below it (a `<details>`: keyboard and screen readers know it); the panel renders once opened. */
function Popover({ label, panelClassName, preload, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that a form's outcome stays while the panel is closed and reopened.
  const [opened, setOpened] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const toggled = (now: boolean) => {
    setOpen(now);
    if (now) setOpened(true);
  };
  return (
    <details open={open} className="relative" onToggle={(event) => toggled(event.currentTarget.open)}>
      <summary
        onPointerEnter={preload}
        onFocus={preload}
        className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
      >
        {label}
      </summary>
      <div className={`absolute right-0 z-20 mt-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg ${panelClassName}`}>
        {opened && <Suspense fallback={<p aria-busy className="text-sm text-slate-600">…</p>}>{children(close)}</Suspense>}
      </div>
    </details>
  );
}

/** "Save view" and "Views" beside a list's filters. */
export function SavedViewsPopovers({ save, menu }: { save: SaveViewFormProps; menu: ViewsMenuProps }) {
  return (
    <div className="flex items-center gap-2">
      <Popover label={save.words.open} panelClassName="w-80" preload={loadForm}>
        {(close) => <SaveViewPanel {...save} onClose={close} />}
      </Popover>
      <Popover label={menu.words.open} panelClassName="max-h-[70vh] w-96 overflow-y-auto text-sm" preload={loadMenu}>
        {(close) => <ViewsMenuPanel {...menu} onClose={close} />}
      </Popover>
    </div>
  );
}
