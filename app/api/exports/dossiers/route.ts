import { getViewer } from "@/i18n/viewer";
import { exportDossiers } from "@/lib/dossiers/export-dossiers";
import { routeHandler } from "@/lib/server/http-answer";
import { getCtx } from "@/lib/server/session";
import { findIgnoredDossierParams, loadDossierSearchParams, toListDossiersInput } from "@/app/(desk)/dossiers/search-params";
import { csvAnswer, refuseIgnoredParams, searchParamsOf } from "../csv-answer";

export const dynamic = "force-dynamic";

/** The dossier list's view as CSV, from the list's own URL parameters; as the queue's export (../processes/route.ts). */
export const GET = routeHandler(async (request: Request) => {
  const ctx = await getCtx();
  const raw = searchParamsOf(request);
  refuseIgnoredParams(findIgnoredDossierParams(raw));
  const input = toListDossiersInput(loadDossierSearchParams(raw));
  // The same days as the list the link was on: the viewer's zone.
  const { timeZone } = await getViewer();
  const file = await exportDossiers(ctx, { ...input, filters: { ...input.filters, tz: timeZone } }, { signal: request.signal });
  return csvAnswer(file);
});
