import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import nb from "@/messages/nb.json";
import { requireCapability } from "@/lib/auth/context";
import { Conflict } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { runAction } from "@/lib/server/action-result";
import { z } from "zod";
import { failureWords } from "./failure-words";

/** The forms' words in one language: next-intl's request config is Next.js's, so the test gives its own. */
const language = vi.hoisted(() => ({ current: "nb" as "en" | "nb" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) => createTranslator({ locale: language.current, messages: language.current === "en" ? en : nb, namespace: namespace as never }),
}));

const ROOT = path.resolve(__dirname, "../../../..");

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
  ],
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
  Object.keys(namespace === "Dossier.errors" ? messages.Dossier.errors : messages.ProcessPage.errors);

describe("the dossier's and the process's forms say a failure in the viewer's language", () => {
  it.each(Object.entries(VERBS))("%s has every code its verbs throw, in English and Bokmål", (namespace, files) => {
    const codes = files.flatMap(codesIn);
    // The finder itself: a regex that found nothing would let every code through.
    expect(codes.length).toBeGreaterThan(namespace === "Dossier.errors" ? 15 : 30);
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
      message: expect.stringMatching(/^Det nye forsøket er ugyldig: retryId: /),
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
