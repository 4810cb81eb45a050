/** Bearer-token checks for every API route: 400 for a missing or non-Bearer header, 401 for a bad token. */
import type { IncomingMessage } from "node:http";
import { malformedAuthorization, unauthorized } from "../http/problem";
import type { TokenStore } from "./tokens";

export function requireBearer(req: IncomingMessage, tokens: TokenStore, now: number): void {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) throw malformedAuthorization();
  const check = tokens.check(match[1], now);
  if (check === "expired") throw unauthorized("The access token has expired.");
  if (check === "unknown") throw unauthorized("The access token is not valid.");
}
