/**
 * Which side-bar link is the current page's. A process page's URL sits under its dossier
 * (/dossiers/{d}/processes/{p}), but people reach it from the queue and go back there: it is "Processes".
 */
const PROCESS_PAGE = /^\/dossiers\/[^/]+\/processes(\/|$)/;

export function activeNavHref(pathname: string, hrefs: readonly string[]): string | null {
  if (PROCESS_PAGE.test(pathname) && hrefs.includes("/processes")) return "/processes";
  const matching = hrefs.filter((href) => pathname === href || pathname.startsWith(`${href}/`));
  return matching.sort((a, b) => b.length - a.length)[0] ?? null;
}
