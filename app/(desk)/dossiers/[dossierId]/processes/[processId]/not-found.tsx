import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function ProcessNotFound() {
  const t = await getTranslations("NotFound");
  return (
    <div role="alert" className="rounded-md border border-slate-300 bg-white p-6">
      <h1 className="text-lg font-semibold">{t("noProcess")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("noProcessBody")}</p>
      <Link href="/processes" className="mt-3 inline-block text-sm text-sky-800 underline">
        {t("backToProcesses")}
      </Link>
    </div>
  );
}
