/**
 * The control API under `/__sim/` (no auth, JSON): scenarios, runs, bulk runs, faults, settings, stats and
 * reset. It is the test's and the demo's handle on the simulator, never part of Assure's API.
 */
import { fromZodIssues, invalid, notFound } from "../http/problem";
import { json, noContent, type Route } from "../http/router";
import { SCENARIOS, findScenario } from "../scenarios/registry";
import { processView } from "../state/process-view";
import { finishProcess } from "../state/lifecycle";
import { resetState } from "../state/simulator-state";
import { mergeConfig, type SimulatorConfig } from "../config";
import { parseBody } from "../http/parse-body";
import { describeFaults, FaultsInputSchema, fromInput, noFaults } from "./faults";
import { PinSchema } from "./control-schemas";
import { bulkRoute, runRoute } from "./run-routes";

const PROCESS = /^\/__sim\/processes\/([^/]+)$/;

export const controlRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/__sim\/scenarios$/,
    name: "scenarios",
    auth: false,
    handle: () =>
      json(
        200,
        SCENARIOS.map(({ name, status, description, processTypes, documentTypes }) => ({ name, status, description, processTypes, ...(documentTypes ? { documentTypes } : {}) })),
      ),
  },
  runRoute,
  bulkRoute,
  {
    method: "PUT",
    pattern: PROCESS,
    name: "pinProcess",
    auth: false,
    async handle(ctx) {
      const process = ctx.state.store.processes.get(ctx.params[0] ?? "");
      if (!process) throw notFound("Process", ctx.params[0] ?? "");
      const input = parseBody(PinSchema, await ctx.json());
      if (input.scenario) {
        const scenario = findScenario(input.scenario);
        if (!scenario) throw invalid([{ name: "scenario", reason: `unknown scenario ${input.scenario}` }]);
        if (!scenario.processTypes.includes(process.processType)) {
          throw invalid([{ name: "scenario", reason: `does not apply to processType ${process.processType}` }]);
        }
        if (process.status !== "pending") throw invalid([{ name: "scenario", reason: `the process is already ${process.status}` }]);
        process.scenario = scenario.name;
      }
      if (input.notificationForm) process.notificationForm = input.notificationForm;
      return json(200, { processId: process.processId, scenario: process.scenario, notificationForm: process.notificationForm ?? null });
    },
  },
  {
    method: "POST",
    pattern: /^\/__sim\/processes\/([^/]+)\/finish$/,
    name: "finishProcess",
    auth: false,
    handle(ctx) {
      const process = ctx.state.store.processes.get(ctx.params[0] ?? "");
      if (!process) throw notFound("Process", ctx.params[0] ?? "");
      if (process.status !== "processing") throw invalid([{ name: "processId", reason: `the process is ${process.status}, not processing` }]);
      finishProcess(ctx.state, process.processId, Date.now());
      return json(200, processView(process));
    },
  },
  { method: "GET", pattern: /^\/__sim\/faults$/, name: "getFaults", auth: false, handle: (ctx) => json(200, describeFaults(ctx.state.faults, Date.now())) },
  {
    method: "PUT",
    pattern: /^\/__sim\/faults$/,
    name: "setFaults",
    auth: false,
    async handle(ctx) {
      ctx.state.faults = fromInput(parseBody(FaultsInputSchema, await ctx.json()), Date.now());
      return json(200, describeFaults(ctx.state.faults, Date.now()));
    },
  },
  {
    method: "DELETE",
    pattern: /^\/__sim\/faults$/,
    name: "clearFaults",
    auth: false,
    handle(ctx) {
      ctx.state.faults = noFaults();
      return noContent();
    },
  },
  { method: "GET", pattern: /^\/__sim\/config$/, name: "getConfig", auth: false, handle: (ctx) => json(200, publicConfig(ctx.state.config)) },
  {
    method: "PUT",
    pattern: /^\/__sim\/config$/,
    name: "setConfig",
    auth: false,
    async handle(ctx) {
      const body = await ctx.json();
      const merged = mergeConfig(ctx.state.config, body);
      if (!merged.success) throw invalid(fromZodIssues(merged.error.issues));
      const scenario = merged.data.defaultScenario;
      if (scenario !== "random" && !findScenario(scenario)) throw invalid([{ name: "defaultScenario", reason: `unknown scenario ${scenario}` }]);
      ctx.state.config = merged.data;
      return json(200, publicConfig(ctx.state.config));
    },
  },
  {
    method: "POST",
    pattern: /^\/__sim\/tokens\/expire$/,
    name: "expireTokens",
    auth: false,
    handle(ctx) {
      ctx.state.tokens.expireAll();
      return noContent();
    },
  },
  {
    method: "GET",
    pattern: /^\/__sim\/stats$/,
    name: "stats",
    auth: false,
    handle(ctx) {
      const { store, stats, notifier, scheduler } = ctx.state;
      return json(200, {
        dossiers: store.dossiers.size,
        processes: store.processes.size,
        byStatus: store.counts,
        scheduled: scheduler.size,
        notifications: { ...stats.notifications, pending: notifier.pending },
        requests: stats.requests,
      });
    },
  },
  {
    method: "POST",
    pattern: /^\/__sim\/reset$/,
    name: "reset",
    auth: false,
    handle(ctx) {
      resetState(ctx.state);
      return noContent();
    },
  },
];

/** The settings without the client secret. */
function publicConfig(config: SimulatorConfig): Partial<SimulatorConfig> {
  const shown: Partial<SimulatorConfig> = { ...config };
  delete shown.clientSecret;
  return shown;
}
