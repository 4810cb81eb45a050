import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Forbidden"))("title") };
}

export default async function ForbiddenPage() {
  const t = await getTranslations("Forbidden");
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <section className="max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
        <h1 className="text-lg font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
        <Link href="/processes" className="mt-4 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white">
          {t("backToProcesses")}
        </Link>
      </section>
    </main>
  );
}
