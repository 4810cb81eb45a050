import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DeskNav } from "@/components/desk-nav";
import { UserMenu } from "@/components/user-menu";
import { LiveEventsProvider } from "@/components/live/live-events";
import { LiveIndicator } from "@/components/live/live-indicator";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/config";
import { requestTime } from "@/lib/server/request-time";
import { getCtx } from "@/lib/server/session";
import { getTranslations } from "next-intl/server";
import { savePreferencesAction } from "./preferences/actions";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const ctx = await getCtx();
  // The proxy sends anonymous visitors away first; this also catches a user deactivated mid-session.
  if (!ctx.user) redirect("/sign-in");
  const simulated = getEnv().ASSURE_SIMULATOR === "1";
  const t = await getTranslations("Desk");
  const links = [
    { href: "/processes", label: t("nav.processes") },
    { href: "/dossiers", label: t("nav.dossiers") },
    ...(can(ctx.user.role, "oversight.read") ? [{ href: "/overview", label: t("nav.overview") }] : []),
    ...(can(ctx.user.role, "audit.read") ? [{ href: "/audit", label: t("nav.audit") }] : []),
    ...(can(ctx.user.role, "desk.admin") ? [{ href: "/admin", label: t("nav.admin") }] : []),
  ];
  // Live pages ask the event stream for what changed after this render (lib/server/desk-events-response.ts).
  const renderedAt = requestTime();
  return (
    <LiveEventsProvider renderedAt={renderedAt}>
    <div className="flex min-h-screen">
      <aside className="flex w-52 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white px-3 py-4">
        <Link href="/processes" className="px-3 text-base font-semibold tracking-tight">
          {t("product")}
        </Link>
        <DeskNav links={links} label={t("nav.label")} />
        <div className="mt-auto flex flex-col gap-3">
          <LiveIndicator />
          {simulated && (
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900">
              {t.rich("simulated", { strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
          )}
          <UserMenu name={ctx.user.name} role={t(`roles.${ctx.user.role}`)} preferences={ctx.user.preferences} savePreferences={savePreferencesAction} />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
    </LiveEventsProvider>
  );
}
