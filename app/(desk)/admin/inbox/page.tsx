import type { Metadata } from "next";
import Link from "next/link";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { getInboxPage } from "@/lib/webhooks/get-inbox-page";
import { InboxStateTabs } from "./_components/inbox-state-tabs";
import { InboxTable } from "./_components/inbox-table";
import { inboxHref, parseInboxSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Webhook inbox" };

interface InboxPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Every stored notification, by state, with why it failed and a replay for the dead ones. */
export default async function InboxPage({ searchParams }: InboxPageProps) {
  const ctx = await requirePage("desk.admin", "/admin/inbox");
  const params = parseInboxSearchParams(await searchParams);
  const page = await loadPage(getInboxPage(ctx, { state: params.state, cursor: params.cursor }));
  const { retentionDays } = page;

  return (
    <section aria-labelledby="inbox-heading" className="flex flex-col gap-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="inbox-heading" className="text-xl font-semibold">
          Webhook inbox
        </h1>
        <p className="text-sm text-slate-600">
          Notifications from Assure, stored before they are acknowledged.{" "}
          {retentionDays > 0 ? `Done rows are kept ${retentionDays} days.` : "Done rows are kept."}{" "}
          <Link href="/admin" className="underline">Admin</Link>
        </p>
      </header>

      {params.replayed && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Row {params.replayed} was replayed: it is back in the inbox as received, with its attempts reset, and is
          processed shortly.
        </p>
      )}

      <InboxStateTabs counts={page.counts} current={params.state} />

      {page.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {params.cursor ? "No more rows after this page." : params.state ? `No ${params.state} rows.` : "No notifications received yet."}
        </p>
      ) : (
        <InboxTable rows={page.rows} view={params.state} />
      )}

      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {params.cursor && (
          <Link href={inboxHref({ state: params.state })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
            First page
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={inboxHref({ state: params.state, cursor: page.nextCursor })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
          >
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}
