import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { answerFor } from "@/lib/error-answer";
import { Conflict, DeskError, Forbidden, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { explainAdminFailure } from "./explain-failure";

const viewer = vi.hoisted(() => ({ locale: "nb" as "en" | "nb" }));

// The viewer's language, as next-intl would give it in a request.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = { en: (await import("@/messages/en.json")).default, nb: (await import("@/messages/nb.json")).default };
  return {
    getTranslations: async (namespace: string) => createTranslator({ locale: viewer.locale, messages: messages[viewer.locale], namespace: namespace as never }),
  };
});
vi.mock("@/lib/log/logger", () => ({ createLogger: () => ({ error: () => {}, warn: () => {}, info: () => {}, debug: () => {} }) }));

async function told(error: unknown): Promise<string> {
  return (await explainAdminFailure())(error, answerFor(error, "test"));
}

function refused(schema: z.ZodType, input: unknown): unknown {
  try {
    parseInput(schema, input, "Invalid staff user");
  } catch (error) {
    return error;
  }
  throw new Error("the input parsed");
}

const StaffInput = z.object({ userId: z.string().min(1), email: z.email(), password: z.string().min(12) });

describe("what the admin pages' forms say when something fails", () => {
  beforeEach(() => {
    viewer.locale = "nb";
  });

  it("says a refusal by its code in the viewer's language, with its values", async () => {
    expect(await told(new Conflict("…", { code: "emailTaken", values: { email: "ana@desk.test" } }))).toBe("Det finnes allerede en ansattbruker med e-postadressen ana@desk.test");
    expect(await told(new Conflict("…", { code: "lastAdmin" }))).toBe("Dette er den siste aktive administratoren: gjør en annen til administrator først");
    viewer.locale = "en";
    expect(await told(new NotFound("…", { code: "noSync", values: { id: 7 } }))).toBe("No sync 7");
  });

  it("names the desk's codes in it as the pages name them", async () => {
    expect(await told(new Forbidden("…", { code: "roleMayNot", values: { role: "support" } }))).toBe("Rollen din (kundestøtte) har ikke lov til dette");
    expect(await told(new Conflict("…", { code: "inboxRowNotDead", values: { id: 12, state: "failed" } }))).toBe("Innboksrad 12 har tilstanden feilet: bare døde rader spilles av på nytt");
  });

  it("says what to type instead of a refused field, and that a form it filled itself is unreadable", async () => {
    expect(await told(refused(StaffInput, { userId: "u1", email: "ana@desk.test", password: "short" }))).toBe("Passordet må være mellom 12 og 200 tegn langt.");
    expect(await told(refused(StaffInput, { userId: "u1", email: "not an email", password: "short" }))).toBe(
      "Skriv inn en gyldig e-postadresse. Passordet må være mellom 12 og 200 tegn langt.",
    );
    expect(await told(refused(StaffInput, { userId: "", email: "ana@desk.test", password: "long enough password" }))).toBe(
      "Skjemaet kunne ikke leses. Last inn siden på nytt og prøv igjen.",
    );
  });

  it("gives an unexpected failure's reference and nothing of its message", async () => {
    const said = await told(new Error("connection to db.internal:5432 refused"));
    expect(said).toMatch(/^Noe gikk galt \(ref\. [\w-]+\)\. Ingenting ble endret\./);
    expect(said).not.toContain("db.internal");
  });

  it("keeps a refusal's own words when it has no code these pages know", async () => {
    expect(await told(new DeskError("Assure said no"))).toBe("Assure said no");
  });
});
