"use client";

import { useEffect, useState, type RefObject } from "react";

/** Keys typed into a field belong to the field, not to the page's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function isInteractive(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("a, button, summary, [role=button]") !== null;
}

interface TableKeyboardOptions {
  body: RefObject<HTMLTableSectionElement | null>;
  rowCount: number;
  /** Opens row `index` (Enter when the focus is not already on a link). */
  onOpen: (index: number) => void;
  /** The look-up field that `/` focuses. */
  searchInputId?: string;
}

/**
 * Gmail-style keys for lists reviewed one row after another: `j`/`k` move to the next/previous row
 * (focusing its main link, so Enter and screen readers follow), Enter opens it, `/` jumps to the
 * look-up. Returns the active row and a setter, so that focus moved by Tab or a click keeps them in step.
 */
export function useTableKeyboard({ body, rowCount, onOpen, searchInputId }: TableKeyboardOptions) {
  const [active, setActive] = useState(-1);

  useEffect(() => {
    function focusRow(index: number) {
      const row = body.current?.rows[index];
      if (!row) return;
      setActive(index);
      const link = row.querySelector<HTMLElement>("[data-primary] a, a");
      (link ?? row).focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "/" && searchInputId) {
        const input = document.getElementById(searchInputId);
        if (input) {
          event.preventDefault();
          input.focus();
        }
      } else if ((event.key === "j" || event.key === "k") && rowCount > 0) {
        event.preventDefault();
        const next = event.key === "j" ? Math.min(active + 1, rowCount - 1) : Math.max(active - 1, 0);
        focusRow(next);
      } else if (event.key === "Enter" && active >= 0 && active < rowCount && !isInteractive(event.target)) {
        event.preventDefault();
        onOpen(active);
      }
    }

    document.addEventListener("keydown", onKeyDown);
    // Says the keys work (they do only once the page is hydrated): browser tests wait for it before pressing.
    body.current?.setAttribute("data-keys", "ready");
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [active, body, onOpen, rowCount, searchInputId]);

  return { active: active < rowCount ? active : -1, setActive };
}
