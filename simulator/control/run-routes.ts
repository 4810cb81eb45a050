/** `POST /__sim/run` (one process, a named scenario) and `POST /__sim/bulk` (N processes, a seeded mix). */
import { createDossier } from "../api/dossier-routes";
import { invalid, notFound } from "../http/problem";
import { json, type Route } from "../http/router";
import { COUNTRIES } from "../people/countries";
import { createRng } from "../people/prng";
import { findScenario } from "../scenarios/registry";
import { processView } from "../state/process-view";
import { BulkSchema, RunSchema } from "./control-schemas";
import { parseBody } from "../http/parse-body";
import { createCapturedProcess, processTypeFor, runBulk, targetOf } from "./run-processes";

const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);

export const runRoute: Route = {
  method: "POST",
  pattern: /^\/__sim\/run$/,
  name: "run",
  auth: false,
  async handle(ctx) {
    const input = parseBody(RunSchema, await ctx.json());
    const scenario = findScenario(input.scenario);
    if (!scenario) throw invalid([{ name: "scenario", reason: `unknown scenario ${input.scenario}; see GET /__sim/scenarios` }]);
    const seed = input.seed ?? randomSeed();
    const rng = createRng(seed);
    const processType = input.processType ?? processTypeFor(rng, scenario);
    if (!processType || !scenario.processTypes.includes(processType)) {
      throw invalid([{ name: "processType", reason: `${scenario.name} applies to ${scenario.processTypes.join(", ")}` }]);
    }
    const now = Date.now();
    const existing = input.dossierId ? ctx.state.store.dossiers.get(input.dossierId) : undefined;
    if (input.dossierId && !existing) throw notFound("Dossier", input.dossierId);
    const delay = input.delayMs ?? ctx.state.config.finalDelayMs;
    const process = createCapturedProcess(ctx.state, {
      dossier: existing ?? createDossier(ctx.state, now),
      scenario,
      processType,
      documentType: input.documentType,
      countryOfResidence: input.countryOfResidence ?? rng.pick(COUNTRIES).code,
      seed: rng.seed(),
      createdAt: now,
      startedAt: now,
      delayMs: rng.int(delay.min, delay.max),
      ...targetOf(ctx.state, input),
    });
    return json(201, { dossierId: process.dossierId, processId: process.processId, scenario: scenario.name, seed, process: processView(process) });
  },
};

export const bulkRoute: Route = {
  method: "POST",
  pattern: /^\/__sim\/bulk$/,
  name: "bulk",
  auth: false,
  async handle(ctx) {
    const input = parseBody(BulkSchema, await ctx.json());
    const issues = (input.scenarios ?? []).flatMap((name, i) => {
      const scenario = findScenario(name);
      if (!scenario) return [{ name: `scenarios.${i}`, reason: `unknown scenario ${name}` }];
      const fits = !input.processTypes || scenario.processTypes.some((t) => input.processTypes?.includes(t));
      return fits ? [] : [{ name: `scenarios.${i}`, reason: `${name} fits none of the processTypes asked for` }];
    });
    if (issues.length > 0) throw invalid(issues);
    const seed = input.seed ?? randomSeed();
    const started = Date.now();
    const items = runBulk(ctx.state, { ...input, seed });
    ctx.state.log(`bulk: ${items.length} processes (seed ${seed}) in ${Date.now() - started} ms`);
    return json(201, {
      seed,
      count: items.length,
      dossiers: new Set(items.map((i) => i.dossierId)).size,
      ...(input.includeItems ? { items } : {}),
    });
  },
};
