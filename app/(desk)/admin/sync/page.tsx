import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePage } from "@/lib/server/session";
import { loadPage } from "@/lib/server/load-page";
import { getSyncPage } from "@/lib/sync/get-sync-page";
import { AutoRefresh } from "./_components/auto-refresh";
import { CurrentSync } from "./_components/current-sync";
import { StartSyncButton } from "./_components/sync-buttons";
import { SyncHistory } from "./_components/sync-history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sync"))("title") };
}

/** The full sync with Assure: the one running (live), a button to start one, and the history. */
export default async function SyncPage() {
  const ctx = await requirePage("desk.admin", "/admin/sync");
  const [overview, t] = await Promise.all([loadPage(getSyncPage(ctx)), getTranslations("Sync")]);
  const buttonWords = { start: t("start"), starting: t("starting"), oneAtATime: t("oneAtATime"), cancel: t("cancel"), canceling: t("canceling") };

  return (
    <section aria-labelledby="sync-heading" className="flex max-w-5xl flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 id="sync-heading" className="text-xl font-semibold">
          {t("heading")}
        </h1>
        <p className="text-sm text-slate-600">
          {t("intro")}{" "}
          <Link href="/admin" className="underline">{t("admin")}</Link>
        </p>
      </header>
      <StartSyncButton disabled={overview.current !== null} words={buttonWords} />
      {overview.current && (
        <>
          <CurrentSync run={overview.current} buttonWords={buttonWords} />
          <AutoRefresh />
        </>
      )}
      <section aria-labelledby="sync-history-heading" className="flex flex-col gap-2">
        <h2 id="sync-history-heading" className="text-sm font-semibold text-slate-700">
          {t("history")}
        </h2>
        <SyncHistory runs={overview.history} />
      </section>
    </section>
  );
}
