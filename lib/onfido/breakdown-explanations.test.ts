import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import { breakdownExplanationKey, EXPLAINED_PATHS, EXPLAINED_REASONS, findingExplanationKey, reasonExplanationKey, type ReportKind } from "./breakdown-explanations";

/** The message at a dotted key, or undefined (messages/nb.json holds the same keys: i18n/messages.test.ts). */
const messageAt = (key: string): unknown => key.split(".").reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], en.Onfido);

describe("Onfido's breakdowns explained", () => {
  it.each(Object.entries(EXPLAINED_PATHS).flatMap(([kind, paths]) => paths.map((path) => [kind, path] as const)))("%s %s has an explanation", (kind, path) => {
    const key = breakdownExplanationKey(kind as ReportKind, path);
    expect(typeof messageAt(key!), key!).toBe("string");
  });

  it.each([...EXPLAINED_REASONS])("the reason %s has an explanation", (name) => {
    expect(typeof messageAt(reasonExplanationKey(name)!)).toBe("string");
  });

  it("explains no path, kind or reason it does not know", () => {
    expect(breakdownExplanationKey("document", "quantum_check")).toBeNull();
    expect(breakdownExplanationKey("facial", "image_integrity.image_quality")).toBeNull();
    expect(breakdownExplanationKey(null, "image_integrity")).toBeNull();
    expect(reasonExplanationKey("reasons")).toBeNull();
    expect(reasonExplanationKey("spin")).toBeNull();
  });

  it("explains a stored finding by its report's name and path", () => {
    expect(findingExplanationKey("document.image_integrity.image_quality")).toBe("document.image_integrity.image_quality");
    expect(findingExplanationKey("document_passport.visual_authenticity")).toBe("document.visual_authenticity.about");
    expect(findingExplanationKey("facial_similarity_video.visual_authenticity.liveness_detected")).toBe("facial.visual_authenticity.liveness_detected");
    expect(findingExplanationKey("document")).toBeNull();
    expect(findingExplanationKey("watchlist_aml.sanctions")).toBeNull();
  });

  it("has no explanation the desk would never show", () => {
    const shown = new Set([
      ...Object.entries(EXPLAINED_PATHS).flatMap(([kind, paths]) => paths.map((path) => breakdownExplanationKey(kind as ReportKind, path))),
      ...EXPLAINED_REASONS.map(reasonExplanationKey),
    ]);
    const keys = (value: unknown, prefix: string): string[] =>
      typeof value === "string" ? [prefix] : Object.entries(value as object).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
    expect(keys(en.Onfido, "").filter((key) => !shown.has(key))).toEqual([]);
  });
});
