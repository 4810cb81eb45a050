import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { authOptions } from "./auth-options";
import { reissuedSessionToken, SESSION_UPDATE_AGE_SECONDS, sessionCookieName } from "./session-cookie";

// auth-options reaches db/, which is marked server-only for Next's bundler; vitest is no client bundle.
vi.mock("server-only", () => ({}));

const secret = "session-cookie-test-secret-0123456789abcdef";
const maxAgeSeconds = 45 * 60;
const claims = { uid: "user-1", role: "support", signedInAt: 1_700_000_000_000 };

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
    expect(await reissuedSessionToken(token!, { secret, maxAgeSeconds })).toBeNull();
  });

  it("is issued again with a full idle time once used after the update age, keeping the sign-in time", async () => {
    // As if last issued 10 minutes ago: 35 minutes left.
    const old = await decode({ token: await encode({ token: claims, secret, maxAge: maxAgeSeconds - 600 }), secret });
    const value = await reissuedSessionToken(old!, { secret, maxAgeSeconds });
    const fresh = await decode({ token: value!, secret });
    expect(fresh).toMatchObject(claims);
    expect(fresh!.exp as number).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + maxAgeSeconds - 5);
    expect((fresh!.exp as number) - (fresh!.iat as number)).toBe(maxAgeSeconds);
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
