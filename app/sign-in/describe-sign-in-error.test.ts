import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import nb from "@/messages/nb.json";
import { describeSignInError } from "./describe-sign-in-error";

function say(messages: typeof en, code: string | null) {
  const t = createTranslator({ locale: "en", messages, namespace: "SignIn.errors" });
  const error = describeSignInError(code);
  return error && t(error.key, error.values);
}

describe("describeSignInError", () => {
  it("says how long to wait in words that agree with the number", () => {
    expect(say(en, "locked:1")).toBe("Too many failed attempts from here. Try again in 1 second.");
    expect(say(en, "locked:2")).toBe("Too many failed attempts from here. Try again in 2 seconds.");
    expect(say(en, "locked:89")).toMatch(/in 89 seconds\.$/);
    expect(say(en, "locked:90")).toMatch(/in 2 minutes\.$/);
    expect(say(en, "locked:900")).toMatch(/in 15 minutes\.$/);
    expect(say(nb, "locked:1")).toMatch(/om 1 sekund\.$/);
    expect(say(nb, "locked:900")).toMatch(/om 15 minutter\.$/);
  });

  it("explains wrong credentials without saying which part was wrong", () => {
    expect(say(en, "CredentialsSignin")).toBe("The email or password is wrong.");
    expect(say(nb, "CredentialsSignin")).toBe("E-postadressen eller passordet er feil.");
    expect(say(en, "Nonsense")).toBe("Sign-in failed. Please try again.");
    expect(say(en, null)).toBeNull();
  });
});
