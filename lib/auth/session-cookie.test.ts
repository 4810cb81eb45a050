import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { authOptions } from "./auth-options";
import { reissuedSessionToken, SESSION_UPDATE_AGE_SECONDS, sessionCookieName, sessionLifetimeEndsAt } from "./session-cookie";

// auth-options reaches db/, which is marked server-only for Next's bundler; vitest is no client bundle.
vi.mock("server-only", () => ({}));

const secret = "session-cookie-test-secret-0123456789abcdef";
const maxAgeSeconds = 45 * 60;
const signedInAt = Date.now() - 60 * 60 * 1000;
const claims = { uid: "user-1", role: "support", signedInAt };
const maxLifetimeHours = 12;

describe("the session cookie", () => {
  it("lives SESSION_IDLE_MINUTES, as next-auth is told", () => {
    // This file's first getEnv() reads it (each test file has its own modules).
    process.env.SESSION_IDLE_MINUTES = "17";
    try {
      const { session, jwt } = authOptions();
      expect(session?.maxAge).toBe(17 * 60);
      expect(session?.updateAge).toBe(SESSION_UPDATE_AGE_SECONDS);
      expect(jwt?.maxAge).toBe(17 * 60);
    } finally {
      delete process.env.SESSION_IDLE_MINUTES;
    }
  });

  it("is left alone while it is younger than the update age", async () => {
    const token = await decode({ token: await encode({ token: claims, secret, maxAge: maxAgeSeconds }), secret });
    expect(await reissuedSessionToken(token!, { secret, maxAgeSeconds, maxLifetimeHours })).toBeNull();
  });

  it("is issued again with a full idle time once used after the update age, keeping the sign-in time", async () => {
    // As if last issued 10 minutes ago: 35 minutes left.
    const old = await decode({ token: await encode({ token: claims, secret, maxAge: maxAgeSeconds - 600 }), secret });
    const reissued = await reissuedSessionToken(old!, { secret, maxAgeSeconds, maxLifetimeHours });
    expect(reissued!.maxAgeSeconds).toBe(maxAgeSeconds);
    const fresh = await decode({ token: reissued!.value, secret });
    expect(fresh).toMatchObject(claims);
    expect(fresh!.exp as number).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + maxAgeSeconds - 5);
    expect((fresh!.exp as number) - (fresh!.iat as number)).toBe(maxAgeSeconds);
  });

  it("is never issued again past SESSION_MAX_HOURS after sign-in", async () => {
    const hours = (n: number) => n * 3_600_000;
    // Signed in 11h50m ago and used now: the new cookie lasts the 10 minutes left, not a whole idle time.
    const late = { ...claims, signedInAt: Date.now() - hours(12) + 10 * 60_000 };
    const used = await decode({ token: await encode({ token: late, secret, maxAge: maxAgeSeconds - 600 }), secret });
    const reissued = await reissuedSessionToken(used!, { secret, maxAgeSeconds, maxLifetimeHours });
    expect(reissued!.maxAgeSeconds).toBeGreaterThan(10 * 60 - 5);
    expect(reissued!.maxAgeSeconds).toBeLessThanOrEqual(10 * 60);
    const fresh = await decode({ token: reissued!.value, secret });
    expect(fresh!.exp as number).toBeLessThanOrEqual(Math.ceil((late.signedInAt + hours(12)) / 1000));

    // Past the lifetime: nothing to issue, whatever the idle time says.
    const over = { ...claims, signedInAt: Date.now() - hours(12) - 1000 };
    const stale = await decode({ token: await encode({ token: over, secret, maxAge: maxAgeSeconds - 600 }), secret });
    expect(await reissuedSessionToken(stale!, { secret, maxAgeSeconds, maxLifetimeHours })).toBeNull();
    // A token without a sign-in time is never issued again.
    const { signedInAt: _s, ...anonymous } = claims;
    const bare = await decode({ token: await encode({ token: anonymous, secret, maxAge: maxAgeSeconds - 600 }), secret });
    expect(await reissuedSessionToken(bare!, { secret, maxAgeSeconds, maxLifetimeHours })).toBeNull();
    expect(sessionLifetimeEndsAt(1_000, 2)).toBe(1_000 + hours(2));
  });

  it("is refused by next-auth once its idle time has passed", async () => {
    const expired = await encode({ token: claims, secret, maxAge: -120 });
    await expect(decode({ token: expired, secret })).rejects.toThrow(/exp/);
  });

  it("is named as next-auth names it", () => {
    expect(sessionCookieName("https://desk.example")).toEqual({ name: "__Secure-next-auth.session-token", secure: true });
    expect(sessionCookieName("http://localhost:3000")).toEqual({ name: "next-auth.session-token", secure: false });
  });
});
