"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

interface DeskNavProps {
  /** The areas this user's role opens; the server decides, this only draws them. */
  links: { href: string; label: string }[];
}

export function DeskNav({ links }: DeskNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
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
