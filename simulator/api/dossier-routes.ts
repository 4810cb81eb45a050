/** Dossiers: create, list (summaries), get (with processes), delete (with processes), set files. */
import { json, noContent, type Route } from "../http/router";
import { notFound } from "../http/problem";
import { isoTimestamp } from "../people/dates";
import { processView } from "../state/process-view";
import type { SimulatorState } from "../state/simulator-state";
import { newId } from "../state/ids";
import { type DossierRecord, newDossier } from "../state/store";
import { parseImages } from "./parse-images";

const DOSSIER = /^\/assure\/dossiers\/([^/]+)$/;

function summary(dossier: DossierRecord): Record<string, unknown> {
  return {
    dossierId: dossier.dossierId,
    createdAt: isoTimestamp(dossier.createdAt),
    updatedAt: isoTimestamp(dossier.updatedAt),
    ...(dossier.externalReference ? { externalReference: dossier.externalReference } : {}),
  };
}

export function dossierView(state: SimulatorState, dossier: DossierRecord): Record<string, unknown> {
  const processes = dossier.processIds.flatMap((id) => {
    const process = state.store.processes.get(id);
    return process ? [processView(process)] : [];
  });
  return { ...summary(dossier), processes };
}

export function findDossier(state: SimulatorState, dossierId: string): DossierRecord {
  const dossier = state.store.dossiers.get(dossierId);
  if (!dossier) throw notFound("Dossier", dossierId);
  return dossier;
}

export function createDossier(state: SimulatorState, now: number, externalReference?: string): DossierRecord {
  return state.store.addDossier(newDossier(newId(), now, externalReference));
}

export const dossierRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/assure\/dossiers$/,
    name: "createDossier",
    auth: true,
    async handle(ctx) {
      const body = await ctx.json();
      const reference = (body as { externalReference?: unknown } | undefined)?.externalReference;
      const dossier = createDossier(ctx.state, Date.now(), typeof reference === "string" ? reference : undefined);
      return json(201, dossierView(ctx.state, dossier));
    },
  },
  {
    method: "GET",
    pattern: /^\/assure\/dossiers$/,
    name: "listDossiers",
    auth: true,
    handle: (ctx) => json(200, Array.from(ctx.state.store.dossiers.values(), summary)),
  },
  {
    method: "GET",
    pattern: DOSSIER,
    name: "getDossier",
    auth: true,
    handle: (ctx) => json(200, dossierView(ctx.state, findDossier(ctx.state, ctx.params[0] ?? ""))),
  },
  {
    method: "DELETE",
    pattern: DOSSIER,
    name: "deleteDossier",
    auth: true,
    handle(ctx) {
      const dossier = findDossier(ctx.state, ctx.params[0] ?? "");
      ctx.state.store.deleteDossier(dossier.dossierId);
      return noContent();
    },
  },
  {
    method: "POST",
    pattern: /^\/assure\/dossiers\/([^/]+)\/files$/,
    name: "setDossierFiles",
    auth: true,
    async handle(ctx) {
      const dossier = findDossier(ctx.state, ctx.params[0] ?? "");
      const files = parseImages(await ctx.json(), ctx.state.config.maxImageBytes);
      dossier.files = { ...dossier.files, ...files };
      dossier.updatedAt = Date.now();
      return noContent();
    },
  },
];
