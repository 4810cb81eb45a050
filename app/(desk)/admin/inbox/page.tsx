import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { getInboxPage } from "@/lib/webhooks/get-inbox-page";
import { InboxStateTabs } from "./_components/inbox-state-tabs";
import { InboxTable } from "./_components/inbox-table";
import { inboxHref, parseInboxSearchParams } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Inbox"))("title") };
}

interface InboxPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Every stored notification, by state, with why it failed and a replay for the dead ones. */
export default async function InboxPage({ searchParams }: InboxPageProps) {
  const ctx = await requirePage("desk.admin", "/admin/inbox");
  const params = parseInboxSearchParams(await searchParams);
  const [page, t] = await Promise.all([loadPage(getInboxPage(ctx, { state: params.state, cursor: params.cursor })), getTranslations("Inbox")]);
  const { retentionDays } = page;

  return (
    <section aria-labelledby="inbox-heading" className="flex flex-col gap-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="inbox-heading" className="text-xl font-semibold">
          {t("heading")}
        </h1>
        <p className="text-sm text-slate-600">
          {t("intro")} {t("kept", { days: Math.max(0, retentionDays) })}{" "}
          <Link href="/admin" className="underline">{t("admin")}</Link>
        </p>
      </header>

      {params.replayed && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("replayed", { id: params.replayed })}
        </p>
      )}

      <InboxStateTabs counts={page.counts} current={params.state} />

      {page.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {params.cursor ? t("noMoreRows") : params.state ? t("noRowsIn", { state: t(`states.${params.state}`) }) : t("nothingYet")}
        </p>
      ) : (
        <InboxTable rows={page.rows} view={params.state} />
      )}

      <nav aria-label={t("pages")} className="flex gap-3 text-sm">
        {params.cursor && (
          <Link href={inboxHref({ state: params.state })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
            {t("firstPage")}
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={inboxHref({ state: params.state, cursor: page.nextCursor })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
          >
            {t("nextPage")}
          </Link>
        )}
      </nav>
    </section>
  );
}
