import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { csrfCookieName, signOutCsrfToken } from "./sign-out-token";

const cookieFor = (token: string, secret: string) => `${token}|${createHash("sha256").update(`${token}${secret}`).digest("hex")}`;

describe("signOutCsrfToken", () => {
  it("reads the token of a cookie next-auth made with this secret", () => {
    expect(signOutCsrfToken(cookieFor("abc123", "s3cret"), "s3cret")).toBe("abc123");
  });

  it("refuses a cookie made with another secret, a malformed one, or none", () => {
    expect(signOutCsrfToken(cookieFor("abc123", "other"), "s3cret")).toBeNull();
    expect(signOutCsrfToken("abc123", "s3cret")).toBeNull();
    expect(signOutCsrfToken(undefined, "s3cret")).toBeNull();
    expect(signOutCsrfToken(cookieFor("abc123", "s3cret"), undefined)).toBeNull();
  });
});

describe("csrfCookieName", () => {
  it("follows next-auth: __Host- over https", () => {
    expect(csrfCookieName("https://desk.example.com")).toBe("__Host-next-auth.csrf-token");
    expect(csrfCookieName("http://localhost:3000")).toBe("next-auth.csrf-token");
  });
});
