/**
 * `POST /dossiers/{d}/processes/{p}`: start verification. The rules Onfido-through-Assure enforces, checked
 * together so that one answer names every problem: a location, the privacy consent of a US resident for
 * selfie and video processes, and images (the process's own, or the dossier's files).
 */
import { badRequest, type InvalidParam, invalid } from "../http/problem";
import { json, type Route } from "../http/router";
import { drawFinalDelay, startProcess } from "../state/lifecycle";
import { processView } from "../state/process-view";
import type { ProcessRecord } from "../state/store";
import { findDossier } from "./dossier-routes";
import { findProcess, PROCESS } from "./process-routes";

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export function startIssues(process: ProcessRecord, hasImages: boolean): InvalidParam[] {
  const issues: InvalidParam[] = [];
  const params = record(process.processParameters);
  const location = record(params?.location);
  const country = location?.countryOfResidence;
  const ip = location?.ipAddress;
  const countryOk = typeof country === "string" && /^[A-Z]{3}$/.test(country);
  const ipOk = typeof ip === "string" && ip.trim().length > 0;
  if (!location) {
    issues.push({ name: "processParameters.location", reason: "is required for Onfido: countryOfResidence or ipAddress" });
  } else if (country !== undefined && !countryOk) {
    issues.push({ name: "processParameters.location.countryOfResidence", reason: "must be an ISO 3166 alpha-3 code" });
  } else if (!countryOk && !ipOk) {
    issues.push({ name: "processParameters.location", reason: "needs countryOfResidence (ISO 3166 alpha-3) or ipAddress" });
  }
  const selfieOrVideo = process.processType === "documentSelfie" || process.processType === "documentVideo";
  if (country === "USA" && selfieOrVideo && record(params?.consents)?.privacy !== true) {
    issues.push({
      name: "processParameters.consents.privacy",
      reason: "must be true for a US resident: the end-user has to accept Onfido's privacy policy",
    });
  }
  if (!hasImages) {
    issues.push({ name: "images", reason: "no images on the process and no files in the dossier" });
  }
  return issues;
}

export const startVerificationRoute: Route = {
  method: "POST",
  pattern: PROCESS,
  name: "startVerification",
  auth: true,
  async handle(ctx) {
    const [dossierId = "", processId = ""] = ctx.params;
    const process = findProcess(ctx.state, dossierId, processId);
    const body = await ctx.json();
    if (body !== undefined && !record(body)) throw invalid([{ name: "body", reason: "must be a JSON object when given" }]);
    if (process.status !== "pending") {
      throw badRequest("Process already started.", `The process is ${process.status}; only a pending process can be started.`);
    }
    const dossier = findDossier(ctx.state, dossierId);
    const own = Object.keys(process.images ?? {}).length > 0;
    const files = Object.keys(dossier.files ?? {}).length > 0;
    const issues = startIssues(process, own || files);
    if (issues.length > 0) throw invalid(issues, "The process cannot be started.");
    // Without images of its own the process uses the dossier's newest files.
    if (!own) process.images = { ...dossier.files };
    // At least 1 ms: a delay of 0 would end the process inside this request and answer its final status,
    // where Assure's start verification always answers `processing` (lib/assure/README.md, our decisions).
    startProcess(ctx.state, process, Date.now(), Math.max(1, drawFinalDelay(ctx.state)));
    return json(200, processView(process));
  },
};
