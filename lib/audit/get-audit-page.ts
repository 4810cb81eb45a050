import "server-only";
import { requireCapability, type Ctx } from "../auth/context";
import { listAudit } from "./list-audit";

export interface AuditPageModel {
  /** The filters as asked (non-empty text fields of the URL), for the form to show again. */
  filters: Record<string, string>;
  page: Awaited<ReturnType<typeof listAudit>>;
}

/**
 * The audit log page: one page of entries for the URL's filters (an invalid filter is InvalidInput), its
 * `from` and `to` days in the viewer's time zone (UTC when not given).
 */
export async function getAuditPage(ctx: Ctx, searchParams: Record<string, string | string[] | undefined>, timeZone?: string): Promise<AuditPageModel> {
  requireCapability(ctx, "audit.read");
  const filters = Object.fromEntries(
    Object.entries(searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "" && entry[0] !== "tz"),
  );
  return { filters, page: await listAudit(ctx, { ...filters, tz: timeZone }) };
}
