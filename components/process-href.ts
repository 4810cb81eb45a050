/** The process page (app/(desk)/dossiers/[dossierId]/processes/[processId]). */
export function processHref(dossierId: string, processId: string): string {
  return `/dossiers/${encodeURIComponent(dossierId)}/processes/${encodeURIComponent(processId)}`;
}

export function dossierHref(dossierId: string): string {
  return `/dossiers/${encodeURIComponent(dossierId)}`;
}
