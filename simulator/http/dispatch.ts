/**
 * One request, start to end: control API (no auth, no faults) or the API, where injected faults act first
 * (down, latency, error answers), then the Bearer check, then the route. Every thrown `Problem` becomes
 * Assure's problem body; anything else is logged and answered 500.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { requireBearer } from "../api/auth";
import { faultFor, isDown } from "../control/faults";
import type { SimulatorState } from "../state/simulator-state";
import { parseJson, readBody } from "./body";
import { newTraceId, Problem, problemBody } from "./problem";
import { matchRoute, type Reply, type RequestContext, type Route } from "./router";

/** Set images carries three data URLs of up to maxImageBytes each, base64-inflated by a third. */
const bodyLimit = (state: SimulatorState): number => Math.ceil(state.config.maxImageBytes * 4.2) + 1_048_576;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, reply: Reply, traceId: string): void {
  const headers: Record<string, string> = { "x-trace-id": traceId, ...reply.headers };
  const body = reply.json !== undefined ? Buffer.from(JSON.stringify(reply.json)) : reply.body;
  if (body) {
    const type = reply.json !== undefined ? "application/json; charset=utf-8" : (reply.contentType ?? "application/octet-stream");
    res.writeHead(reply.status, { ...headers, "content-type": type, "content-length": String(body.length) });
    res.end(body);
  } else {
    res.writeHead(reply.status, headers);
    res.end();
  }
}

export function createDispatcher(state: () => SimulatorState, apiRoutes: Route[], controlRoutes: Route[]) {
  return async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const s = state();
    const traceId = newTraceId();
    const url = new URL(req.url ?? "/", "http://simulator");
    const method = req.method ?? "GET";
    const path = url.pathname;
    const control = path === "/__sim" || path.startsWith("/__sim/");
    try {
      if (!control) {
        const down = isDown(s.faults, Date.now());
        if (down === "connection") {
          s.stats.requests.droppedConnections += 1;
          req.socket.destroy();
          return;
        }
        if (down === "503") throw new Problem(503, "Service unavailable.", "The simulator is down (injected fault).");
      }
      const match = matchRoute(control ? controlRoutes : apiRoutes, method, path);
      if (!match) throw new Problem(404, "Not found.", `No endpoint at ${path}.`);
      if ("methodNotAllowed" in match) throw new Problem(405, "Method not allowed.", `${method} is not supported on ${path}.`);
      const { route, params } = match;
      if (!control) {
        s.stats.requests.total += 1;
        s.stats.requests.byEndpoint[route.name] = (s.stats.requests.byEndpoint[route.name] ?? 0) + 1;
        const fault = faultFor(s.faults, route.name);
        if (fault.latencyMs > 0) await sleep(fault.latencyMs);
        if (fault.errorRate > 0 && s.faultRng.chance(fault.errorRate)) {
          s.stats.requests.injectedErrors += 1;
          const title = fault.errorStatus === 503 ? "Service unavailable." : "Internal server error.";
          throw new Problem(fault.errorStatus, title, "Injected fault.");
        }
        if (route.auth) requireBearer(req, s.tokens, Date.now());
      }
      let raw: Promise<Buffer> | undefined;
      const ctx: RequestContext = {
        req,
        method,
        path,
        params,
        query: url.searchParams,
        state: s,
        raw: () => (raw ??= readBody(req, bodyLimit(s))),
        json: async () => parseJson(await ctx.raw()),
      };
      send(res, await route.handle(ctx), traceId);
    } catch (error) {
      const known = error instanceof Problem;
      if (!known) s.log(`${method} ${path} failed: ${(error as Error).stack ?? String(error)}`);
      const problem = known ? error : new Problem(500, "Internal server error.", "The simulator failed; see its log.");
      if (res.headersSent) return void res.destroy();
      send(res, { status: problem.status, json: problemBody(problem, method, path, traceId) }, traceId);
      // A body left unread (rejected before reading) must not hold the connection.
      if (!req.complete) req.resume();
    }
  };
}
