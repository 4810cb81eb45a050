import type { Metadata } from "next";
import { getMessages, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { dayFormatOf, dayPattern } from "@/components/list-kit/local-day";
import { LocalTime } from "@/components/local-time";
import { getFormatLocale } from "@/i18n/format-locale";
import { getViewer } from "@/i18n/viewer";
import { renderAuditSentence } from "@/lib/audit/describe-audit";
import { getAuditPage } from "@/lib/audit/get-audit-page";
import type { StaffRole } from "@/lib/auth/permissions";
import { loadPage } from "@/lib/server/load-page";
import { requirePage } from "@/lib/server/session";
import { readAuditDays } from "./audit-days";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Audit"))("title") };
}

interface AuditPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ROLES: readonly StaffRole[] = ["support", "compliance", "admin"];
const field = "rounded-md border border-slate-300 px-2 py-1.5";

export default async function AuditPage({ searchParams }: AuditPageProps) {
  const ctx = await requirePage("audit.read", "/audit");
  const [raw, { timeZone }, formatLocale, t, sentences, roles, messages] = await Promise.all([
    searchParams,
    getViewer(),
    getFormatLocale(),
    getTranslations("Audit"),
    getTranslations("AuditSentences"),
    getTranslations("Desk.roles"),
    getMessages(),
  ]);
  // From and To are days in the viewer's zone, typed and shown in the page's format; the URL keeps ISO days.
  const dayFormat = dayFormatOf(formatLocale);
  const pattern = dayPattern(dayFormat, messages.Lists.dateLetters);
  const days = readAuditDays(raw, dayFormat);
  if (days.canonical) redirect(days.canonical);
  const model = days.problem ? null : await loadPage(getAuditPage(ctx, raw, timeZone));
  const filters = model?.filters ?? {};
  const query = new URLSearchParams(Object.entries(filters).filter(([key]) => key !== "before"));
  const text = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : "");

  const textFields = [
    { name: "who", label: t("filters.who"), placeholder: t("filters.whoPlaceholder") },
    { name: "what", label: t("filters.what"), placeholder: t("filters.whatPlaceholder") },
    { name: "dossierId", label: t("filters.dossier"), placeholder: t("filters.dossierPlaceholder") },
  ];
  const dayFields = [
    { name: "from" as const, label: t("filters.from") },
    { name: "to" as const, label: t("filters.to") },
  ];
  const problemText = days.problem && (days.problem.kind === "invalid" ? t("filters.dayInvalid", { pattern }) : t("filters.rangeBackwards"));

  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
      <header className="flex items-baseline justify-between">
        <h1 id="audit-heading" className="text-xl font-semibold">{t("heading")}</h1>
        {model && (
          <a href={`/api/audit/export?${query}`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
            {t("exportCsv")}
          </a>
        )}
      </header>
      <form className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
        {textFields.map((f) => (
          <label key={f.name} className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-700">{f.label}</span>
            <input name={f.name} type="text" defaultValue={text(f.name)} placeholder={f.placeholder} className={field} />
          </label>
        ))}
        {dayFields.map((f) => {
          const wrong = days.problem?.field === f.name;
          return (
            <label key={f.name} className="flex flex-col gap-1">
              <span className="text-xs font-medium text-slate-700">{f.label}</span>
              <input
                name={f.name}
                type="text"
                inputMode="numeric"
                defaultValue={days.shown[f.name]}
                placeholder={pattern}
                title={t("filters.daysIn", { zone: timeZone, pattern })}
                aria-invalid={wrong || undefined}
                aria-describedby={wrong ? "audit-day-problem" : undefined}
                className={`${field} w-32 tabular-nums`}
              />
            </label>
          );
        })}
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">{t("filters.filter")}</button>
        <Link href="/audit" className="px-2 py-1.5 text-sky-800 underline">{t("filters.clear")}</Link>
        {problemText && (
          <p id="audit-day-problem" role="alert" className="basis-full text-xs text-red-800">
            {problemText}
          </p>
        )}
      </form>
      {!model ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t("cannotShow")}</p>
      ) : model.page.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("columns.when")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.who")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.what")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.target")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.details")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {model.page.items.map((row) => {
                const role = ROLES.find((r) => r === row.actorRole);
                return (
                  <tr key={row.id}>
                    <td className="whitespace-nowrap px-3 py-2">
                      <LocalTime at={row.at} format="seconds" />
                    </td>
                    <td className="px-3 py-2" title={row.actorEmail ?? undefined}>
                      {row.actorName ?? row.actorEmail ?? "—"}{" "}
                      {row.actorRole && <span className="text-xs text-slate-500">({role ? roles(role) : row.actorRole})</span>}
                    </td>
                    <td className="px-3 py-2">
                      {renderAuditSentence(row.sentence, sentences)}
                      {/* The action's code, as the filter and the CSV name it. */}
                      <span className="block font-mono text-xs text-slate-500">{row.action}</span>
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">
                      {row.dossierId && row.processId ? (
                        <Link className="text-sky-800 underline" href={`/dossiers/${row.dossierId}/processes/${row.processId}`}>
                          {row.processId.slice(0, 8)}
                        </Link>
                      ) : row.dossierId ? (
                        <Link className="text-sky-800 underline" href={`/dossiers/${row.dossierId}`}>{row.dossierId.slice(0, 8)}</Link>
                      ) : (
                        (row.target ?? "—")
                      )}
                    </td>
                    <td className="max-w-md px-3 py-2 text-xs text-slate-700">
                      {Object.keys(row.details).length > 0 && (
                        <details>
                          <summary className="cursor-pointer text-sky-800">{t("rawDetails")}</summary>
                          <pre className="mt-1 whitespace-pre-wrap break-all font-mono">{JSON.stringify(row.details, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {model?.page.nextBefore && (
        <Link
          href={`/audit?${new URLSearchParams({ ...Object.fromEntries(query), before: String(model.page.nextBefore) })}`}
          className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          {t("older")}
        </Link>
      )}
    </section>
  );
}
