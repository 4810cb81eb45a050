import { describe, expect, it } from "vitest";
import { loadExample } from "../../../tests/support/fixtures";
import { inconclusiveProcess } from "./seed-sample";

describe("inconclusiveProcess", () => {
  it("is Signicat's documented inconclusive example under a fresh id, with the face match the sample zip explains", () => {
    const example = loadExample("inconclusive") as { providerSpecific: { facialSimilarity: Record<string, unknown> } };
    const expected = {
      ...example,
      processId: "p-test",
      providerSpecific: {
        ...example.providerSpecific,
        facialSimilarity: { ...example.providerSpecific.facialSimilarity, similarityScore: "low", faceComparison: "consider" },
      },
    };
    expect(inconclusiveProcess("p-test")).toEqual(expected);
  });
});
