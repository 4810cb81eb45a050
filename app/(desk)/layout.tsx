import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { DeskMenu } from "@/components/desk-menu";
import { DeskNav } from "@/components/desk-nav";
import { UserMenu } from "@/components/user-menu";
import { LiveEventsProvider } from "@/components/live/live-events";
import { LiveIndicator } from "@/components/live/live-indicator";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/config";
import { requestTime } from "@/lib/server/request-time";
import { listPinnedViews } from "@/lib/saved-views/list-saved-views";
import { getLayoutCtx } from "@/lib/server/layout-ctx";
import { NO_PREFERENCES } from "@/lib/staff/preferences";
import { getTranslations } from "next-intl/server";
import { PinnedViews } from "./_saved-views/pinned-views";
import { DisplayChoices } from "./_components/display-choices";
import { ErrorWordsProvider } from "./_components/error-words";
import { savePreferencesAction } from "./preferences/actions";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const ctx = await getLayoutCtx();
  // The proxy sends anonymous visitors away first; this also catches a user deactivated mid-session.
  if (!ctx.user) redirect("/sign-in");
  const simulated = getEnv().ASSURE_SIMULATOR === "1";
  const [t, pinnedWords, errorWords] = await Promise.all([getTranslations("Desk"), getTranslations("SavedViews.pinned"), getTranslations("ErrorPage")]);
  const links = [
    { href: "/processes", label: t("nav.processes") },
    { href: "/dossiers", label: t("nav.dossiers") },
    ...(can(ctx.user.role, "oversight.read") ? [{ href: "/overview", label: t("nav.overview") }] : []),
    ...(can(ctx.user.role, "audit.read") ? [{ href: "/audit", label: t("nav.audit") }] : []),
    ...(can(ctx.user.role, "desk.admin") ? [{ href: "/admin", label: t("nav.admin") }] : []),
  ];
  // The side bar's pinned views (names and links; their counts are fetched by the island, so no page waits).
  const pinned = (await listPinnedViews(ctx)).map(({ id, list, name, href, query }) => ({ id, list, name, href, query }));
  // Live pages ask the event stream for what changed after this render (lib/server/desk-events-response.ts).
  const renderedAt = requestTime();
  return (
    <LiveEventsProvider renderedAt={renderedAt}>
    <div className="flex min-h-screen flex-col lg:flex-row">
      <aside className="flex flex-col gap-3 border-b border-slate-200 bg-white px-3 py-2 lg:w-52 lg:shrink-0 lg:gap-6 lg:border-r lg:border-b-0 lg:py-4">
        <DeskMenu
          label={t("menu")}
          brand={
            <Link href="/processes" className="px-3 text-base font-semibold tracking-tight">
              {t("product")}
            </Link>
          }
        >
          <DeskNav links={links} label={t("nav.label")} />
          <Suspense fallback={null}>
            <PinnedViews views={pinned} words={{ heading: pinnedWords("heading"), countFailed: pinnedWords("countFailed") }} />
          </Suspense>
          <div className="mt-auto flex flex-col gap-3">
            <LiveIndicator />
            {simulated && (
              <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
                {t.rich("simulated", { strong: (chunks) => <strong>{chunks}</strong> })}
              </p>
            )}
            <DisplayChoices preferences={ctx.user.preferences ?? NO_PREFERENCES} />
            <UserMenu name={ctx.user.name} role={t(`roles.${ctx.user.role}`)} preferences={ctx.user.preferences} savePreferences={savePreferencesAction} />
          </div>
        </DeskMenu>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-4 lg:px-8 lg:py-6">
        {/* The error boundary's words (app/(desk)/error.tsx); its {digest} is filled in the browser. */}
        <ErrorWordsProvider words={{ heading: errorWords("heading"), reference: errorWords.raw("reference"), retry: errorWords("retry") }}>{children}</ErrorWordsProvider>
      </main>
    </div>
    </LiveEventsProvider>
  );
}
