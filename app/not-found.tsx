import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCtx } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotFound"))("title") };
}

/** Any address the desk does not know: its own page, with the way back that fits the visitor. */
export default async function NotFound() {
  const [{ user }, t] = await Promise.all([getCtx(), getTranslations("NotFound")]);
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <section aria-labelledby="not-found-heading" className="max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
        <p className="text-sm font-medium text-slate-600">{t("product")}</p>
        <h1 id="not-found-heading" className="mt-1 text-lg font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
        <Link
          href={user ? "/processes" : "/sign-in"}
          className="mt-4 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white"
        >
          {user ? t("backToProcesses") : t("signIn")}
        </Link>
      </section>
    </main>
  );
}
