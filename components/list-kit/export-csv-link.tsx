import { getTranslations } from "next-intl/server";

interface ExportCsvLinkProps {
  /** `/api/exports/processes?…`: the list's export with the view's own URL parameters. */
  href: string;
  /** "process" or "dossier" in the page's language, for the link's title. */
  singular: string;
}

/**
 * "Export CSV": every row of the view as a file, not just the page shown. A plain link (a same-origin
 * navigation that the browser saves, as the route answers `Content-Disposition: attachment`); shown only
 * to the roles that may export (the route refuses the others).
 */
export async function ExportCsvLink({ href, singular }: ExportCsvLinkProps) {
  const t = await getTranslations("Lists");
  return (
    <a
      href={href}
      download
      title={t("exportTitle", { singular })}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
    >
      {t("exportCsv")}
    </a>
  );
}
