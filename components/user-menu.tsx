"use client";

import { signOut } from "next-auth/react";

interface UserMenuProps {
  name: string;
  role: string;
}

export function UserMenu({ name, role }: UserMenuProps) {
  return (
    <div className="flex flex-col gap-1 border-t border-slate-200 px-3 pt-3 text-sm">
      <span className="font-medium">{name}</span>
      <span className="text-xs text-slate-600">{role}</span>
      <button type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })} className="mt-1 self-start text-sm text-sky-800 underline">
        Sign out
      </button>
    </div>
  );
}
