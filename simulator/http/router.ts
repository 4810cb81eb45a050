/**
 * A route table: method, path pattern, the endpoint's name (used by fault injection and stats) and whether
 * it needs a Bearer token. Paths match with or without a trailing slash.
 */
import type { IncomingMessage } from "node:http";
import type { SimulatorState } from "../state/simulator-state";

export interface Reply {
  status: number;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  /** The request path as sent, used as a problem's `instance`. */
  path: string;
  params: string[];
  query: URLSearchParams;
  state: SimulatorState;
  /** The body parsed as JSON (undefined when empty). */
  json(): Promise<unknown>;
  raw(): Promise<Buffer>;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: RegExp;
  name: string;
  auth: boolean;
  handle(ctx: RequestContext): Promise<Reply> | Reply;
}

export type Match = { route: Route; params: string[] } | { methodNotAllowed: true } | undefined;

export function matchRoute(routes: readonly Route[], method: string, path: string): Match {
  const normalised = path.length > 1 ? path.replace(/\/+$/, "") : path;
  let pathMatched = false;
  for (const route of routes) {
    const m = route.pattern.exec(normalised);
    if (!m) continue;
    if (route.method === method) return { route, params: m.slice(1).map((p) => decodeURIComponent(p ?? "")) };
    pathMatched = true;
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}

export const noContent = (): Reply => ({ status: 204 });
export const json = (status: number, body: unknown): Reply => ({ status, json: body });
