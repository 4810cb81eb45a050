import type { Capability } from "./permissions";

/**
 * What the proxy asks of a path before any page or route handler runs. `null`: public (it has its own
 * authentication, like the webhook, or none is needed). Each page and verb checks again with the
 * database's view of the user; this is the first gate, not the only one.
 * A path no rule matches needs `processes.read`: new routes are closed by default.
 */
export const ROUTE_RULES: { pattern: RegExp; need: Capability | null }[] = [
  { pattern: /^\/sign-in(\/|$)/, need: null },
  { pattern: /^\/forbidden(\/|$)/, need: null },
  { pattern: /^\/api\/auth\//, need: null },
  { pattern: /^\/api\/health$/, need: null },
  { pattern: /^\/api\/webhooks\/assure$/, need: null },
  { pattern: /^\/api\/bench\//, need: null },
  { pattern: /^\/admin\/audit(\/|$)/, need: "audit.read" },
  { pattern: /^\/audit(\/|$)/, need: "audit.read" },
  { pattern: /^\/admin(\/|$)/, need: "desk.admin" },
  { pattern: /^\/api\/admin\//, need: "desk.admin" },
  { pattern: /^\/api\/processes\/[^/]+\/result(\/|$)/, need: "results.read" },
  { pattern: /^\/api\/audit\//, need: "audit.read" },
  { pattern: /^\/api\/exports\/(processes|dossiers)\/?$/, need: "lists.export" },
  { pattern: /^\/overview(\/|$)/, need: "oversight.read" },
  { pattern: /^\/api\/overview\//, need: "oversight.read" },
  { pattern: /^\/api\/dossiers\/[^/]+\/evidence\/?$/, need: "evidence.read" },
];

export function capabilityFor(pathname: string): Capability | null {
  for (const rule of ROUTE_RULES) if (rule.pattern.test(pathname)) return rule.need;
  return "processes.read";
}
