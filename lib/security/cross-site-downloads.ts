/**
 * GETs that send personal data and write an audit row in the officer's name: the full-result zip, its
 * pictures and videos, the audit log's CSV export, the lists' CSV exports and a dossier's evidence pack. A
 * link or an <img> on another site would make the officer's browser fetch them with the officer's cookie (SameSite=Lax lets top-level GETs through),
 * so the proxy refuses them when the browser says the request came from another site. Same-origin
 * requests, and those the officer started themselves (typed, bookmarked: `none`), pass; so do clients
 * that send no Sec-Fetch-Site (not a browser, or one too old to send it).
 */
export const PERSONAL_DATA_DOWNLOADS: readonly RegExp[] = [
  /^\/api\/processes\/[^/]+\/result(\/media\/[^/]+)?\/?$/,
  /^\/api\/audit\/export\/?$/,
  /^\/api\/exports\/(processes|dossiers)\/?$/,
  /^\/api\/dossiers\/[^/]+\/evidence\/?$/,
];

const REFUSED_SITES = new Set(["cross-site", "same-site"]);

export function isCrossSiteDownload(pathname: string, secFetchSite: string | null): boolean {
  if (!secFetchSite || !REFUSED_SITES.has(secFetchSite.trim().toLowerCase())) return false;
  return PERSONAL_DATA_DOWNLOADS.some((pattern) => pattern.test(pathname));
}

/** The page the officer sees instead of the download: what happened, and how to get the file safely. */
export function crossSiteDownloadPage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Download refused</title></head>
<body>
<h1>Download refused</h1>
<p>This link to personal data on the Assure Review Desk was opened from another website. The desk serves
such files (result zips, pictures, videos, audit exports) only from its own pages, so that another site
cannot make you download them, and record the download in your name, without your knowing.</p>
<p>If you meant to download it, open the desk yourself and use the download on its page.</p>
<p><a href="/processes">Go to the desk</a></p>
</body>
</html>
`;
  return new Response(html, {
    status: 403,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
