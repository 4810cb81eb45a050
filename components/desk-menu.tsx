"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

interface DeskMenuProps {
  /** The button's words, in the viewer's language. */
  label: string;
  /** The desk's name, always in view. */
  brand: ReactNode;
  /** The navigation and the user's menu: a side bar from 1,024 px, behind the Menu button below. */
  children: ReactNode;
}

/**
 * Below `lg` the side bar would leave a phone a strip of content, so it folds into a top bar: Menu opens
 * it, Escape closes it and puts the focus back on the button, and following a link closes it.
 */
export function DeskMenu({ label, brand, children }: DeskMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (pathname !== openedAt) {
    setOpenedAt(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <div className="flex items-center justify-between gap-3">
        {brand}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls="desk-menu"
          onClick={() => setOpen((was) => !was)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 lg:hidden"
        >
          {label}
        </button>
      </div>
      <div id="desk-menu" className={`${open ? "flex" : "hidden"} flex-col gap-6 lg:flex lg:flex-1`}>
        {children}
      </div>
    </>
  );
}
