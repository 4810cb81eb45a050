import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/server/session";
import { loadPage } from "@/lib/server/load-page";
import { getSyncPage } from "@/lib/sync/get-sync-page";
import { AutoRefresh } from "./_components/auto-refresh";
import { CurrentSync } from "./_components/current-sync";
import { StartSyncButton } from "./_components/sync-buttons";
import { SyncHistory } from "./_components/sync-history";

export const metadata: Metadata = { title: "Full sync" };

/** The full sync with Assure: the one running (live), a button to start one, and the history. */
export default async function SyncPage() {
  const ctx = await requirePage("desk.admin", "/admin/sync");
  const overview = await loadPage(getSyncPage(ctx));

  return (
    <section aria-labelledby="sync-heading" className="flex max-w-5xl flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 id="sync-heading" className="text-xl font-semibold">
          Full sync
        </h1>
        <p className="text-sm text-slate-600">
          Reads every dossier Assure lists, and every process in it, and stores what changed: a safety net for lost
          notifications. Dossiers Assure no longer has are kept and marked deleted at Assure.{" "}
          <Link href="/admin" className="underline">Admin</Link>
        </p>
      </header>
      <StartSyncButton disabled={overview.current !== null} />
      {overview.current && (
        <>
          <CurrentSync run={overview.current} />
          <AutoRefresh />
        </>
      )}
      <section aria-labelledby="sync-history-heading" className="flex flex-col gap-2">
        <h2 id="sync-history-heading" className="text-sm font-semibold text-slate-700">
          History
        </h2>
        <SyncHistory runs={overview.history} />
      </section>
    </section>
  );
}
