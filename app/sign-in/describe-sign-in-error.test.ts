import { describe, expect, it } from "vitest";
import { describeSignInError } from "./describe-sign-in-error";

describe("describeSignInError", () => {
  it("says how long to wait in words that agree with the number", () => {
    expect(describeSignInError("locked:1")).toBe("Too many failed attempts from here. Try again in 1 second.");
    expect(describeSignInError("locked:2")).toBe("Too many failed attempts from here. Try again in 2 seconds.");
    expect(describeSignInError("locked:89")).toMatch(/in 89 seconds\.$/);
    expect(describeSignInError("locked:90")).toMatch(/in 2 minutes\.$/);
    expect(describeSignInError("locked:900")).toMatch(/in 15 minutes\.$/);
  });

  it("explains wrong credentials without saying which part was wrong", () => {
    expect(describeSignInError("CredentialsSignin")).toBe("The email or password is wrong.");
    expect(describeSignInError(null)).toBeNull();
  });
});
