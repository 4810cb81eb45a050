import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function DossierNotFound() {
  const t = await getTranslations("NotFound");
  return (
    <div role="alert" className="max-w-xl rounded-md border border-slate-300 bg-white p-6">
      <h1 className="text-lg font-semibold">{t("noDossier")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("noDossierBody")}</p>
      <Link href="/dossiers" className="mt-3 inline-block text-sm underline">{t("backToDossiers")}</Link>
    </div>
  );
}
