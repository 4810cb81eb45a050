/** The Onfido check that groups a process's reports; `consider` unless every report is `clear`. */
import type { OnfidoCheck, OnfidoReport } from "./types";

export function buildCheck(id: string, applicantId: string, createdAt: string, reports: OnfidoReport[]): OnfidoCheck {
  return {
    id,
    created_at: createdAt,
    href: `/v3.6/checks/${id}`,
    status: "complete",
    result: reports.every((r) => r.result === "clear") ? "clear" : "consider",
    applicant_id: applicantId,
    report_ids: reports.map((r) => r.id),
    results_uri: `https://dashboard.onfido.com/checks/${id}`,
    tags: [],
    sandbox: true,
    version: "3.6",
  };
}
