import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import nb from "@/messages/nb.json";
import { requireCapability } from "@/lib/auth/context";
import { Conflict, InvalidInput } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { runAction } from "@/lib/server/action-result";
import { z } from "zod";
import { failureWords, refusalWords } from "./failure-words";

/** The forms' words in one language: next-intl's request config is Next.js's, so the test gives its own. */
const language = vi.hoisted(() => ({ current: "nb" as "en" | "nb" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => createTranslator({ locale: language.current, messages: language.current === "en" ? en : nb, namespace: namespace as never }),
  getTimeZone: async () => "Europe/Oslo",
}));

const ROOT = path.resolve(__dirname, "../..");

/** The verbs behind each namespace's forms: the dossier page's notes and personal data, the process page's review and retry. */
const VERBS = {
  "Dossier.errors": ["lib/auth/context.ts", "lib/notes/dossier-notes.ts", "lib/retention/erase-dossier.ts", "lib/retention/legal-hold.ts"],
  "ProcessPage.errors": [
    "lib/auth/context.ts",
    "lib/reviews/review-decisions.ts",
    "lib/reviews/assignments.ts",
    "lib/retries/retry-plan.ts",
    "lib/retries/retry-process.ts",
    "lib/retries/cancel-retry.ts",
    // A bulk retry's rows on the queue say their refusals with the same words.
    "lib/retries/bulk-retry.ts",
    "lib/retries/failed-in-view.ts",
  ],
  "SavedViews.errors": ["lib/auth/context.ts", "lib/saved-views/manage-saved-views.ts", "lib/saved-views/view-query.ts"],
} as const;

/**
 * The codes a verb's source gives its errors: `code: "…"` (or a choice of two), a refusal's
 * `code: "…"`, and parseInput's fourth argument.
 */
function codesIn(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const codes = [
    ...[...source.matchAll(/\bcode: "(\w+)"/g)].map((m) => m[1]!),
    ...[...source.matchAll(/\bcode: [^,}]+?\? "(\w+)" : "(\w+)"/g)].flatMap((m) => [m[1]!, m[2]!]),
    ...[...source.matchAll(/parse(?:Input)?\([^;]*?, "[^"]*", "(\w+)"\)/g)].map((m) => m[1]!),
  ];
  return [...new Set(codes)];
}

const messagesOf = (messages: typeof en, namespace: keyof typeof VERBS) =>
  Object.keys({ "Dossier.errors": messages.Dossier.errors, "ProcessPage.errors": messages.ProcessPage.errors, "SavedViews.errors": messages.SavedViews.errors }[namespace]);

describe("the dossier's and the process's forms say a failure in the viewer's language", () => {
  it.each(Object.entries(VERBS))("%s has every code its verbs throw, in English and Bokmål", (namespace, files) => {
    const codes = files.flatMap(codesIn);
    // The finder itself: a regex that found nothing would let every code through.
    expect(codes.length).toBeGreaterThan({ "Dossier.errors": 15, "ProcessPage.errors": 30, "SavedViews.errors": 8 }[namespace as keyof typeof VERBS]);
    for (const messages of [en, nb]) {
      const known = messagesOf(messages, namespace as keyof typeof VERBS);
      expect(codes.filter((code) => !known.includes(code))).toEqual([]);
      expect(known).toContain("unexpected");
    }
  });

  it("answers a verb's refusal, its invalid input and the guard in the viewer's language", async () => {
    language.current = "nb";
    const words = failureWords("ProcessPage.errors");
    const refuse = (work: () => unknown) => runAction(async () => (work(), ""), undefined, words);
    expect(await refuse(() => requireCapability({ db: null as never, user: null }, "reviews.write"))).toEqual({ ok: false, message: "Logg inn først" });
    const support = { id: "u", email: "s@desk", name: "S", role: "support" as const, preferences: null } as never;
    expect(await refuse(() => requireCapability({ db: null as never, user: support }, "reviews.write"))).toEqual({
      ok: false,
      message: "Med rollen kundestøtte har du ikke tilgang til dette",
    });
    expect(await refuse(() => parseInput(z.object({ retryId: z.number() }), {}, "Invalid retry", "invalidRetry"))).toMatchObject({
      ok: false,
      // A field the page fills in itself: nothing to type differently, so the form is to be reloaded.
      message: "Det nye forsøket er ugyldig: skjemaet kunne ikke leses: last inn siden på nytt og prøv igjen",
    });
    expect(await refuse(() => { throw new Conflict("This process has a final decision already", { code: "alreadyFinal" }); })).toEqual({
      ok: false,
      message: "Denne prosessen har allerede en endelig beslutning",
    });
  });

  it("keeps the English message for a code it has no words for, and gives an unexpected failure its reference", async () => {
    language.current = "nb";
    const words = failureWords("Dossier.errors");
    expect(await runAction(async () => { throw new Conflict("A full sync is already running", { code: "syncRunning" }); }, undefined, words)).toEqual({
      ok: false,
      message: "A full sync is already running",
    });
    const unexpected = await runAction(async () => { throw new Error("relation does not exist"); }, undefined, words);
    expect(unexpected).toMatchObject({ ok: false, message: expect.stringMatching(/^Noe gikk galt \(ref\. [\w-]+\)\. Ingenting ble endret/) });
    expect(unexpected?.message).not.toContain("relation");
    language.current = "en";
    expect(await runAction(async () => { throw new Conflict("Dossier d-1 is already under legal hold", { code: "alreadyHeld" }); }, undefined, words)).toEqual({
      ok: false,
      message: "This dossier is already under legal hold",
    });
  });
});

describe("the details of an invalid input and a refusal's instants, in the viewer's language", () => {
  const Decision = z.object({ decision: z.enum(["approve", "reject"]), note: z.string().trim().min(1, "a note is required").max(4_000) });
  const decide = (input: unknown, namespace: "ProcessPage.errors" | "Dossier.errors" = "ProcessPage.errors") =>
    runAction(async () => (parseInput(Decision, input, "Invalid review decision", "invalidDecision"), ""), undefined, failureWords(namespace));

  it("names each refused field and what to fix, not zod's English", async () => {
    language.current = "nb";
    expect(await decide({ decision: "approve", note: "   " })).toEqual({ ok: false, message: "Beslutningen er ugyldig: Notat: må fylles ut" });
    expect(await decide({ decision: "maybe", note: "x".repeat(4_001) })).toMatchObject({
      ok: false,
      // The limit in the page's number format.
      message: expect.stringMatching(/^Beslutningen er ugyldig: Beslutning: ikke et av valgene; Notat: høyst 4\s000 tegn$/),
    });
    language.current = "en";
    expect(await decide({ decision: "approve", note: "" })).toEqual({ ok: false, message: "Invalid review decision: Note: required" });
    const hold = () => parseInput(z.object({ reason: z.string().trim().min(3) }), { reason: "ab" }, "Invalid legal hold", "invalidHold");
    expect(await runAction(async () => (hold(), ""), undefined, failureWords("Dossier.errors"))).toEqual({ ok: false, message: "Invalid legal hold: Reason: at least 3 characters" });
  });

  it("keeps zod's English in the error itself, for logs and API answers", () => {
    expect(() => parseInput(Decision, { decision: "approve", note: " " }, "Invalid review decision", "invalidDecision")).toThrow("Invalid review decision: note: a note is required");
  });

  it("writes a legal hold's instant in the viewer's zone and format, not as an ISO day", async () => {
    const held = new Conflict("Dossier d-1 is under legal hold since 2026-12-01 (case 7): it cannot be erased until the hold is lifted", {
      code: "heldErase",
      values: { since: new Date("2026-12-01T23:30:00Z"), reason: "case 7" },
    });
    language.current = "nb";
    const nbSaid = await runAction(async () => { throw held; }, undefined, failureWords("Dossier.errors"));
    // Oslo is an hour ahead in December: the hold began on the 2nd there.
    expect(nbSaid?.message).toMatch(/^Dette dossieret har bevaringspålegg siden 2\. des\. 2026.* 00[:.]30 \(case 7\)/);
    language.current = "en";
    const enSaid = await runAction(async () => { throw held; }, undefined, failureWords("Dossier.errors"));
    expect(enSaid?.message).toMatch(/^This dossier is under legal hold since 2 Dec 2026, 00:30 \(case 7\)/);
  });

  it("says the saved views' refusals, the name as typed", async () => {
    language.current = "nb";
    const taken = new Conflict("You already have a view named “Pass, Norden” of this list", { code: "viewNameTaken", values: { name: "Pass, Norden" } });
    expect(await runAction(async () => { throw taken; }, undefined, failureWords("SavedViews.errors"))).toEqual({
      ok: false,
      message: "Du har allerede en visning av denne listen som heter «Pass, Norden»",
    });
    const blank = () => parseInput(z.object({ name: z.string().trim().min(1) }), { name: " " }, "This view cannot be saved", "cannotSave");
    expect(await runAction(async () => (blank(), ""), undefined, failureWords("SavedViews.errors"))).toEqual({ ok: false, message: "Visningen kan ikke lagres: Navn: må fylles ut" });
  });

  it("says a bulk retry's row by its code, and leaves a code it has no words for to the English", async () => {
    language.current = "nb";
    const say = await refusalWords("ProcessPage.errors");
    expect(say({ code: "notInView" })).toBe("Ikke en feilet prosess i denne visningen; ingenting ble gjort.");
    expect(say({ code: "retryNotFailed", values: { status: "accepted" } })).toBe("Bare feilede prosesser prøves på nytt; denne har status accepted.");
    expect(say({ code: "unexpected", values: { ref: "r-1" } })).toMatch(/^Noe gikk galt \(ref\. r-1\)/);
    expect(say({ code: "syncRunning" })).toBeNull();
    expect(say({})).toBeNull();
    expect(say(new InvalidInput("Invalid retry", ["processId: too short"], { code: "invalidRetry", problems: [{ field: "processId", kind: "empty" }] }))).toBe(
      "Det nye forsøket er ugyldig: skjemaet kunne ikke leses: last inn siden på nytt og prøv igjen",
    );
  });
});
