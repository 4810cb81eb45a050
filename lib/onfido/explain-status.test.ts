import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nb from "../../messages/nb.json";
import { loadExample, loadExampleProcesses } from "../../tests/support/fixtures";
import { sampleDocumentReport, sampleFacialReport } from "../results/testing/sample-result";
import { explainStatus as explain, type ExplainInput, type ExplanationPhrase, type StatusExplanation } from "./explain-status";
import { NAMED_CHECKS } from "./finding-phrases";
import { phraseText } from "./phrase";
import { OnfidoReportSchema } from "./report-schemas";

const report = (raw: Record<string, unknown>) => OnfidoReportSchema.parse(raw);
const example = (name: string) => loadExample(name) as unknown as ExplainInput;

/** The explanation as the page writes it, in one language (the summary's bold status as plain text). */
function inWords(explanation: StatusExplanation, locale: "en" | "nb" = "en") {
  const t = createTranslator({ locale, messages: locale === "en" ? en : nb, namespace: "StatusExplanation" });
  const say = (phrase: ExplanationPhrase) => phraseText(phrase, (key, values) => t.markup(key, { ...values, b: (chunks) => chunks }));
  return { ...explanation, summary: say(explanation.summary), details: explanation.details.map(say), warnings: explanation.warnings.map(say) };
}
const explainStatus = (input: ExplainInput) => inWords(explain(input));

describe("explainStatus on Signicat's example objects", () => {
  it("explains every example without throwing, with a summary that starts with its status in either language", () => {
    const examples = loadExampleProcesses();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const { process } of examples) {
      const explanation = explain(process as unknown as ExplainInput);
      for (const locale of ["en", "nb"] as const) expect(inWords(explanation, locale).summary.startsWith(String(process.status))).toBe(true);
    }
  });

  it("accepted: both checks clear, with the similarity", () => {
    expect(explainStatus(example("accepted"))).toMatchObject({
      final: true,
      basis: "provider-specific",
      summary: "accepted: the document is valid (clear) and the faces match (clear, similarity high)",
      warnings: [],
    });
  });

  it("inconclusive: suspected document and a facial consider, saying what the summary does not tell", () => {
    expect(explainStatus(example("inconclusive")).summary).toBe(
      "inconclusive: the document's sub-result is suspected; Assure's summary does not say which check flagged it; " +
        "facial similarity was consider (similarity high; Assure's summary does not say which facial check flagged it)",
    );
  });

  it("rejected: the document decides; the facial consider is mentioned as well", () => {
    const explanation = explainStatus(example("rejected"));
    expect(explanation.summary).toBe("rejected: the document's sub-result is rejected; Assure's summary does not say which check flagged it");
    expect(explanation.details).toContain("Facial similarity was also consider (similarity medium; Assure's summary does not say which facial check flagged it).");
  });

  it("failed, canceled and pending", () => {
    expect(explainStatus(example("failed"))).toMatchObject({ final: true, summary: expect.stringMatching(/^failed: upload_failed — There was a validation error/) });
    expect(explainStatus({ status: "failed" }).summary).toBe("failed: Assure gave no reason");
    expect(explainStatus({ status: "failed", failReason: { type: null, message: "token expired" } }).summary).toBe("failed: no type given — token expired");
    expect(explainStatus(example("canceled"))).toMatchObject({ final: true, summary: expect.stringMatching(/^canceled: .*no results/) });
    expect(explainStatus(example("created"))).toMatchObject({ final: false, summary: expect.stringMatching(/^pending: .*not final/) });
    expect(explainStatus({ status: "processing" })).toMatchObject({ final: false, summary: expect.stringMatching(/^processing: /) });
  });

  it("an unknown status or missing data is said, not hidden", () => {
    expect(explainStatus({ status: "on_hold" })).toMatchObject({ final: null, summary: "on_hold: a status the desk does not know; shown as Assure sent it" });
    const bare = explainStatus({ status: "accepted" });
    expect(bare.summary).toBe("accepted, but Assure sent no results that explain it");
    expect(bare.warnings).toContain("Assure sent no document verification results.");
    expect(explainStatus({ status: "inconclusive", providerSpecific: {} }).summary).toMatch(/^inconclusive, but neither/);
  });
});

describe("explainStatus with the full result's reports", () => {
  it("names the flagged breakdowns of a suspected document", () => {
    const explanation = explainStatus({
      status: "inconclusive",
      providerSpecific: { documentVerification: { result: "consider", subResult: "suspected" } },
      documentReport: report(sampleDocumentReport({ flags: { "visual_authenticity.fonts": [], "data_consistency.date_of_birth": [] } })),
    });
    expect(explanation.basis).toBe("full-result");
    expect(explanation.summary).toBe("inconclusive: the document's sub-result is suspected — visual authenticity consider (fonts); data consistency consider (date of birth)");
  });

  it("names the reason of a rejected document's image integrity", () => {
    const explanation = explainStatus({
      status: "rejected",
      documentReport: report(sampleDocumentReport({ flags: { "image_integrity.image_quality": ["blurred_photo"] }, nulls: ["data_validation.mrz"] })),
    });
    expect(explanation.summary).toBe("rejected: the document's sub-result is rejected — image integrity consider (image quality: blurred_photo)");
    expect(explanation.details).toEqual(["Not performed by Onfido: data validation: mrz."]);
  });

  it("gives the face-match score and its level", () => {
    const explanation = explainStatus({
      status: "inconclusive",
      documentReport: report(sampleDocumentReport()),
      facialReport: report(sampleFacialReport({ faceMatch: 0.31 })),
    });
    expect(explanation.summary).toBe("inconclusive: facial similarity was consider (face match score 0.31 — low)");
    const spoof = explainStatus({ status: "inconclusive", documentReport: report(sampleDocumentReport()), facialReport: report(sampleFacialReport({ spoofing: 0.12 })) });
    expect(spoof.summary).toBe("inconclusive: facial similarity was consider (spoofing detection consider, score 0.12)");
  });

  it("warns when Assure's similarity score does not follow from the report's face-match score", () => {
    const explanation = explainStatus({
      status: "inconclusive",
      providerSpecific: { facialSimilarity: { result: "consider", similarityScore: "high" } },
      documentReport: report(sampleDocumentReport()),
      facialReport: report(sampleFacialReport({ faceMatch: 0.31 })),
    });
    expect(explanation.warnings).toEqual(["Assure's similarity score is high, but the report's face match score 0.31 is low."]);
  });

  it("ignores the face for a document-only process, and warns where the data contradicts the status", () => {
    const documentOnly = explainStatus({ status: "accepted", processType: "document", documentReport: report(sampleDocumentReport()) });
    expect(documentOnly.summary).toBe("accepted: the document is valid (clear); a document-only process has no face check");
    expect(documentOnly.warnings).toEqual([]);
    const contradiction = explainStatus({ status: "accepted", documentReport: report(sampleDocumentReport({ flags: { "data_comparison.first_name": [] } })), facialReport: report(sampleFacialReport()) });
    expect(contradiction.warnings).toEqual(["Assure says accepted, yet the document's sub-result is caution — data comparison consider (first name)."]);
  });
});

describe("explainStatus in the viewer's language", () => {
  it("is message keys with Assure's and Onfido's values as arguments, not English", () => {
    const explanation = explain({ status: "failed", failReason: { type: "upload_failed", message: "There was a validation error" } });
    expect(explanation.summary).toEqual({ key: "summary.failedTypeMessage", values: { status: "failed", type: "upload_failed", message: "There was a validation error" } });
    expect(explanation.details).toEqual([{ key: "detail.failed" }]);
  });

  it("writes the same explanation in Norwegian Bokmål, keeping the status, consider and the scores' values", () => {
    expect(inWords(explain(example("accepted")), "nb").summary).toBe("accepted: dokumentet er gyldig (clear) og ansiktene stemmer overens (clear, likhetsgrad high)");
    const rejected = inWords(explain(example("rejected")), "nb");
    expect(rejected.summary).toBe("rejected: dokumentets delresultat er rejected; Assures sammendrag sier ikke hvilken kontroll som slo ut");
    expect(rejected.details).toContain("Ansiktssammenligningen ga også consider (likhetsgrad medium; Assures sammendrag sier ikke hvilken ansiktskontroll som slo ut).");
    const mismatch = inWords(
      explain({
        status: "inconclusive",
        providerSpecific: { facialSimilarity: { result: "consider", similarityScore: "high" } },
        documentReport: report(sampleDocumentReport()),
        facialReport: report(sampleFacialReport({ faceMatch: 0.31 })),
      }),
      "nb",
    );
    // The score in the page's number format.
    expect(mismatch.warnings).toEqual(["Assures likhetsgrad er high, men rapportens poengsum for ansiktsmatch, 0,31, tilsvarer low."]);
    expect(inWords(explain({ status: "rejected", documentReport: report(sampleDocumentReport({ nulls: ["data_validation.mrz"] })) }), "nb").warnings).toEqual([
      "Assure sier rejected, men dokumentets delresultat er clear.",
    ]);
    expect(inWords(explain({ status: "" }), "nb").summary).toMatch(/^ingen status: /);
  });
});

describe("the flagged findings in the viewer's language", () => {
  const flaggedDocument = () =>
    explain({
      status: "rejected",
      documentReport: report(sampleDocumentReport({ flags: { "image_integrity.image_quality": ["blurred_photo"], "data_consistency.date_of_birth": [] }, nulls: ["data_validation.mrz"] })),
    });

  it("names Onfido's checks in Bokmål, keeping consider, the reasons' keys and Assure's level as they are", () => {
    const rejected = inWords(flaggedDocument(), "nb");
    expect(rejected.summary).toBe("rejected: dokumentets delresultat er rejected — bildeintegritet consider (bildekvalitet: blurred_photo); datakonsistens consider (fødselsdato)");
    expect(rejected.details).toEqual(["Ikke utført av Onfido: datavalidering: MRZ."]);
    const face = inWords(explain({ status: "inconclusive", documentReport: report(sampleDocumentReport()), facialReport: report(sampleFacialReport({ faceMatch: 0.31, spoofing: 0.12 })) }), "nb");
    expect(face.summary).toBe("inconclusive: ansiktssammenligningen ga consider (poengsum for ansiktsmatch 0,31 — low; forfalskningsdeteksjon consider, poengsum 0,12)");
  });

  it("says the same findings in English as before", () => {
    expect(inWords(flaggedDocument()).summary).toBe("rejected: the document's sub-result is rejected — image integrity consider (image quality: blurred_photo); data consistency consider (date of birth)");
    expect(inWords(flaggedDocument()).details).toEqual(["Not performed by Onfido: data validation: mrz."]);
  });

  it("says Assure's flattened checks in Bokmål, grouped by their value", () => {
    const input = { status: "inconclusive", providerSpecific: { documentVerification: { result: "consider", subResult: "suspected", visualAuthenticity: "consider", dataConsistency: "consider", imageIntegrity: "clear", policeRecord: null } } };
    expect(explainStatus(input).summary).toBe("inconclusive: the document's sub-result is suspected; visual authenticity and data consistency were consider");
    expect(explainStatus(input).details).toEqual(["Not performed by Onfido: police record."]);
    const nb = inWords(explain(input), "nb");
    expect(nb.summary).toBe("inconclusive: dokumentets delresultat er suspected; visuell ekthet og datakonsistens ga consider");
    expect(nb.details).toEqual(["Ikke utført av Onfido: politiregister."]);
    const facial = { status: "inconclusive", providerSpecific: { documentVerification: { result: "clear", subResult: "clear" }, facialSimilarity: { result: "consider", faceComparison: "consider", similarityScore: "low" } } };
    expect(explainStatus(facial).summary).toBe("inconclusive: facial similarity was consider (face comparison consider)");
    expect(inWords(explain(facial), "nb").summary).toBe("inconclusive: ansiktssammenligningen ga consider (ansiktssammenligning consider)");
  });

  it("names a check the desk does not know as Onfido sent it, in either language", () => {
    const raw = sampleDocumentReport();
    const input = { status: "inconclusive", documentReport: report({ ...raw, sub_result: "suspected", breakdown: { ...(raw.breakdown as object), quantum_check: { result: "consider" } } }) };
    expect(explainStatus(input).summary).toContain("quantum_check consider");
    expect(inWords(explain(input), "nb").summary).toContain("quantum_check consider");
  });

  it("has a name for every check it explains, in English (and so in every language)", () => {
    const names = en.StatusExplanation.check as Record<string, string>;
    expect([...NAMED_CHECKS].filter((name) => typeof names[name] !== "string")).toEqual([]);
    expect(Object.keys(names).filter((name) => !NAMED_CHECKS.has(name))).toEqual([]);
  });
});
