"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeNavHref } from "./desk-nav-active";

interface DeskNavProps {
  /** The areas this user's role opens; the server decides, this only draws them. */
  links: { href: string; label: string }[];
  label: string;
}

export function DeskNav({ links, label }: DeskNavProps) {
  const current = activeNavHref(usePathname(), links.map((link) => link.href));
  return (
    <nav aria-label={label} className="flex flex-col gap-1">
      {links.map((link) => {
        const active = link.href === current;
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
