/** Processes: create (201), get, delete. Start verification, images and the result have their own files. */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ASSURE_DOCUMENT_TYPES } from "../derive/mappings";
import { parseBody } from "../http/parse-body";
import { notFound } from "../http/problem";
import { json, noContent, type Route } from "../http/router";
import { drawScenario } from "../scenarios/pick";
import { findScenario } from "../scenarios/registry";
import { PROCESS_TYPES, type ProcessType } from "../scenarios/types";
import { processView } from "../state/process-view";
import type { SimulatorState } from "../state/simulator-state";
import { newId } from "../state/ids";
import { newProcess, type ProcessRecord } from "../state/store";
import { findDossier } from "./dossier-routes";

export const PROCESS = /^\/assure\/dossiers\/([^/]+)\/processes\/([^/]+)$/;

const required = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${what}`;

const CreateProcessSchema = z.object({
  provider: z.literal("onfido", { error: required('"onfido" (the only provider simulated)') }),
  processType: z.enum(PROCESS_TYPES, { error: required(`one of ${PROCESS_TYPES.join(", ")}`) }),
  documentType: z.enum(ASSURE_DOCUMENT_TYPES, { error: required(`one of ${ASSURE_DOCUMENT_TYPES.join(", ")}`) }).optional(),
  notificationUrl: z.url({ protocol: /^https?$/, error: "must be an http or https URL" }).optional(),
  authorizationHeader: z.string().max(8192).optional(),
  processParameters: z.record(z.string(), z.unknown(), { error: "must be an object" }).optional(),
});

/** The provider SDK token handed out while a process is pending: JWT-shaped, opaque to everyone else. */
function sdkToken(processId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const payload = { sub: processId, iat: Math.floor(Date.now() / 1000), iss: "onfido-simulator" };
  return `${part({ alg: "HS256", typ: "JWT" })}.${part(payload)}.${randomBytes(24).toString("base64url")}`;
}

/** The scenario an API-created process will follow unless the control API pins another. */
export function defaultScenarioFor(state: SimulatorState, processType: ProcessType): string {
  const configured = state.config.defaultScenario;
  if (configured === "random") return drawScenario(state.rng, processType).name;
  const scenario = findScenario(configured);
  return scenario?.processTypes.includes(processType) ? scenario.name : "accepted";
}

export function findProcess(state: SimulatorState, dossierId: string, processId: string): ProcessRecord {
  findDossier(state, dossierId);
  const process = state.store.findProcess(dossierId, processId);
  if (!process) throw notFound("Process", processId);
  return process;
}

export const processRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/assure\/dossiers\/([^/]+)\/processes$/,
    name: "createProcess",
    auth: true,
    async handle(ctx) {
      const dossier = findDossier(ctx.state, ctx.params[0] ?? "");
      const input = parseBody(CreateProcessSchema, await ctx.json());
      const processId = newId();
      const process = ctx.state.store.addProcess(
        newProcess({
          processId,
          dossierId: dossier.dossierId,
          processType: input.processType,
          documentType: input.documentType,
          createdAt: Date.now(),
          notificationUrl: input.notificationUrl,
          authorizationHeader: input.authorizationHeader,
          processParameters: input.processParameters,
          sdkToken: sdkToken(processId),
          scenario: defaultScenarioFor(ctx.state, input.processType),
          seed: ctx.state.rng.seed(),
          captured: false,
        }),
      );
      return json(201, processView(process));
    },
  },
  {
    method: "GET",
    pattern: PROCESS,
    name: "getProcess",
    auth: true,
    handle: (ctx) => json(200, processView(findProcess(ctx.state, ctx.params[0] ?? "", ctx.params[1] ?? ""))),
  },
  {
    method: "DELETE",
    pattern: PROCESS,
    name: "deleteProcess",
    auth: true,
    handle(ctx) {
      const process = findProcess(ctx.state, ctx.params[0] ?? "", ctx.params[1] ?? "");
      ctx.state.store.deleteProcess(process.processId, Date.now());
      return noContent();
    },
  },
];
