import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nb from "../../messages/nb.json";
import { REASON_CATEGORIES } from "../reviews/review-decisions";
import { describeAuditEntry, hasAuditSentence, renderAuditSentence, type AuditSentenceKey } from "./describe-audit";

const ROOT = path.resolve(__dirname, "../..");
const LANGUAGES = { en, nb } as const;

/** Every `action: "…"` literal the code records (tests excluded), plus the ones built from a variable. */
function recordedActions(): Set<string> {
  // Built from a variable: review-decisions.ts, serve-result-file.ts, exports/list-export.ts.
  const actions = new Set(["review.confirm", "review.send_back", "result.download", "result.view_media"]);
  for (const list of ["processes", "dossiers"]) actions.add(`${list}.export_start`).add(`${list}.export`);
  for (const dir of ["lib", "app", "scripts"]) {
    for (const entry of readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      const source = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
      for (const match of source.matchAll(/action: "([a-z_]+\.[a-z_.]+)"/g)) actions.add(match[1]!);
    }
  }
  return actions;
}

/** The sentence of an entry as the page writes it in a language; a missing message or a bad one throws. */
function say(language: keyof typeof LANGUAGES, action: string, details: Record<string, unknown>): string {
  const t = createTranslator({
    locale: language,
    messages: LANGUAGES[language],
    namespace: "AuditSentences",
    onError: (error) => {
      throw error;
    },
  });
  return renderAuditSentence(describeAuditEntry(action, details), t);
}

/** Details that take every branch a sentence has: given, missing, and the unusual values. */
const SAMPLES: Record<string, unknown>[] = [
  {},
  {
    created: true,
    via: "sso",
    reason: "throttled",
    retryAfterSeconds: 1,
    email: "ana@desk.test",
    counters: 1,
    role: "compliance",
    demo: true,
    to: true,
    decision: "approve",
    reasonCategory: "other",
    state: "awaiting_confirmation",
    length: 1,
    attempt: 2,
    deletedAtAssure: true,
    previousAttempts: 1,
    slug: "front",
    rows: 1,
    outcome: "aborted",
    chart: "outcomes",
    list: "dossiers",
    name: "Inconclusive passports",
    previousName: "Passports",
    processes: 1,
    zips: 1,
    days: 1,
    dossiers: 1,
    attempts: 3,
    error: "503 from Assure",
  },
  { via: "password", reason: "wrong password", address: "192.0.2.1", decision: "reject", reasonCategory: "not_a_category", outcome: "already-gone", rows: 1234, days: 0 },
  { decision: "something else", outcome: "failed", to: false },
];

describe("describeAuditEntry", () => {
  it("has a sentence for every action the desk records, in every language", () => {
    const actions = [...recordedActions()];
    expect(actions.filter((action) => !hasAuditSentence(action))).toEqual([]);
    for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
      for (const action of actions) {
        for (const details of SAMPLES) {
          const sentence = say(language, action, details);
          expect(sentence, `${language} ${action}`).not.toBe(action);
          expect(sentence, `${language} ${action}`).not.toMatch(/[{}]|AuditSentences/);
        }
      }
    }
  });

  it("returns a message key and the values it fills, not words", () => {
    expect(describeAuditEntry("review.decide", { decision: "reject", reasonCategory: "expired_document", state: "final" })).toEqual({
      key: "review.decide",
      values: { decision: "reject", reasonGiven: "yes", reason: "expired_document", awaiting: "no" },
    });
    expect(describeAuditEntry("audit.export", { rows: 1234 })).toEqual({ key: "audit.export", values: { rows: 1234 } });
  });

  it("reads a decision as a sentence with its reason, in the reader's language", () => {
    expect(say("en", "review.decide", { decision: "reject", reasonCategory: "expired_document", state: "final" })).toBe("Rejected with reason Document expired");
    expect(say("en", "review.decide", { decision: "approve", reasonCategory: "document_authentic", state: "awaiting_confirmation" })).toBe(
      "Approved with reason Document checked and authentic (awaiting a second officer)",
    );
    expect(say("nb", "review.decide", { decision: "reject", reasonCategory: "expired_document", state: "final" })).toBe("Avvist med begrunnelsen Dokumentet er utløpt");
    expect(say("nb", "review.decide", { decision: "approve", reasonCategory: "face_confirmed", state: "awaiting_confirmation" })).toBe(
      "Godkjent med begrunnelsen Ansiktet er sammenlignet og bekreftet manuelt (venter på en annen saksbehandler)",
    );
  });

  it("names every reason category in every language, and an unknown one by its code", () => {
    for (const category of Object.keys(REASON_CATEGORIES) as (keyof typeof REASON_CATEGORIES)[]) {
      expect(say("en", "review.decide", { decision: "reject", reasonCategory: category })).toBe(`Rejected with reason ${REASON_CATEGORIES[category]}`);
      const norwegian = say("nb", "review.decide", { decision: "reject", reasonCategory: category });
      expect(norwegian).toMatch(/^Avvist med begrunnelsen /);
      expect(norwegian).not.toContain(category);
    }
    expect(say("nb", "review.decide", { decision: "reject", reasonCategory: "not_a_category" })).toBe("Avvist med begrunnelsen not_a_category");
  });

  it("counts with the right number and plural, written for the language", () => {
    expect(say("en", "retention.run", { days: 0, processes: 1, dossiers: 1, zips: 0 })).toBe("Retention (0 days) purged 1 process in 1 dossier, 0 zips");
    expect(say("en", "audit.export", { rows: 1234 })).toBe("Exported the audit log (1,234 rows)");
    expect(say("nb", "retention.run", { days: 1, processes: 2, dossiers: 1, zips: 1 })).toBe("Lagringsregelen (1 dag) slettet 2 prosesser i 1 dossier, 1 zip-fil");
    expect(say("nb", "audit.export", { rows: 1234 })).toBe("Eksporterte revisjonsloggen (1\u00a0234 rader)");
    expect(say("nb", "audit.export", { rows: 1 })).toBe("Eksporterte revisjonsloggen (1 rad)");
  });

  it("says how an export ended when it did not complete", () => {
    expect(say("en", "processes.export", { rows: 120, outcome: "aborted" })).toBe("Exported the queue as CSV (120 rows, aborted)");
    expect(say("en", "dossiers.export", { rows: 1, outcome: "complete" })).toBe("Exported the dossier list as CSV (1 row)");
    expect(say("nb", "processes.export", { rows: 120, outcome: "aborted" })).toBe("Eksporterte køen som CSV (120 rader, avbrutt)");
  });

  it("keeps what staff typed and the desk's own codes as they are", () => {
    expect(say("nb", "dossier.hold", { reason: "Sak 2026/17 {ikke ICU}" })).toBe("La inn et bevaringspålegg: Sak 2026/17 {ikke ICU}");
    expect(say("nb", "staff.create", { role: "compliance", email: "ana@desk.test" })).toBe("Opprettet kontoen ana@desk.test med rollen compliance");
    expect(say("en", "auth.sign_in_failed", { reason: "no staff account" })).toBe("Sign-in failed: no staff account");
  });

  it("names an action it does not know by its code, whatever its details", () => {
    expect(describeAuditEntry("something.new", { any: "thing" })).toEqual({ key: null, action: "something.new" });
    expect(say("nb", "something.new", { any: "thing" })).toBe("something.new");
    // Not a sentence because an object has that property.
    expect(hasAuditSentence("constructor")).toBe(false);
  });

  it("types its keys: each is a message of the AuditSentences namespace", () => {
    const key: AuditSentenceKey = "review.decide";
    expect(createTranslator({ locale: "en", messages: en, namespace: "AuditSentences" }).has(key)).toBe(true);
  });
});
