interface ExportCsvLinkProps {
  /** `/api/exports/processes?…`: the list's export with the view's own URL parameters. */
  href: string;
  /** "processes" or "dossiers", for the link's title. */
  plural: string;
}

/**
 * "Export CSV": every row of the view as a file, not just the page shown. A plain link (a same-origin
 * navigation that the browser saves, as the route answers `Content-Disposition: attachment`); shown only
 * to the roles that may export (the route refuses the others).
 */
export function ExportCsvLink({ href, plural }: ExportCsvLinkProps) {
  return (
    <a
      href={href}
      download
      title={`Every ${plural.replace(/s$/, "")} in this view, all pages, as a spreadsheet file (CSV)`}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
    >
      Export CSV
    </a>
  );
}
