import Link from "next/link";
import type { ReactNode } from "react";
import { DeskNav } from "@/components/desk-nav";
import { getEnv } from "@/lib/config";

export default function DeskLayout({ children }: { children: ReactNode }) {
  const simulated = getEnv().ASSURE_SIMULATOR === "1";
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-52 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white px-3 py-4">
        <Link href="/processes" className="px-3 text-base font-semibold tracking-tight">
          Assure Review Desk
        </Link>
        <DeskNav />
        {simulated && (
          <p
            role="note"
            className="mt-auto rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900"
          >
            Connected to the <strong>Assure simulator</strong>, not to Signicat. Data is generated.
          </p>
        )}
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
