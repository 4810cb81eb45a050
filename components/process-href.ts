/**
 * The process page (app/(desk)/dossiers/[dossierId]/processes/[processId]). `from` is the sealed view of the
 * list it was opened from (lib/processes/list-walk.ts), so that the page can walk that list.
 */
export function processHref(dossierId: string, processId: string, from?: string | null): string {
  const path = `/dossiers/${encodeURIComponent(dossierId)}/processes/${encodeURIComponent(processId)}`;
  return from ? `${path}?from=${encodeURIComponent(from)}` : path;
}

export function dossierHref(dossierId: string): string {
  return `/dossiers/${encodeURIComponent(dossierId)}`;
}
