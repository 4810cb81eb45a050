/** Access tokens the token endpoint hands out: opaque random strings with an expiry. */
import { randomBytes } from "node:crypto";

export type TokenCheck = "valid" | "unknown" | "expired";

export class TokenStore {
  private readonly expiries = new Map<string, number>();

  issue(expiresInSeconds: number, now: number): string {
    if (this.expiries.size > 10_000) this.prune(now);
    const token = randomBytes(32).toString("base64url");
    this.expiries.set(token, now + expiresInSeconds * 1000);
    return token;
  }

  check(token: string, now: number): TokenCheck {
    const expiry = this.expiries.get(token);
    if (expiry === undefined) return "unknown";
    return expiry > now ? "valid" : "expired";
  }

  /** Ends every token now, for tests of a client's refresh. */
  expireAll(): void {
    for (const token of this.expiries.keys()) this.expiries.set(token, 0);
  }

  private prune(now: number): void {
    for (const [token, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(token);
  }
}
