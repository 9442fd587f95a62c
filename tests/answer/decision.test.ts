import { describe, expect, it } from "vitest";
import { assess, type DecisionCalibration, decisionFeatures, outcomeOf } from "../../src/answer/decision.js";
import { weighEvidence } from "../../src/answer/evidence.js";
import { saysWhatIsNot } from "../../src/answer/negation.js";
import { passagesOf, TEST_RANKING } from "./passages.js";

const idf = () => 1;
// Relevance grows with what the passages cover of the question; confidence with what the best sentence covers.
const CALIBRATION: DecisionCalibration = {
  relevance: { intercept: -4, weights: { retrievedCoverage: 8 } },
  confidence: { intercept: -6, weights: { coverage: 5, typeMatch: 3 } },
  notFoundBelow: 0.2,
  answerFrom: 0.6,
};

describe("the answer decision", () => {
  it("When relevance is below the gate, Then the outcome is not_found whatever the confidence", () => {
    expect(outcomeOf(0.1, 0.99, CALIBRATION)).toBe("not_found");
    expect(outcomeOf(0.5, 0.6, CALIBRATION)).toBe("answered");
    expect(outcomeOf(0.5, 0.59, CALIBRATION)).toBe("uncertain");
  });

  it("When a sentence covers the question and holds the kind of answer asked for, Then it is answered; a near-miss about the same subject is uncertain; nothing related is not_found", async () => {
    const decide = async (question: string, ...texts: string[]) => {
      const passages = passagesOf(...texts);
      return assess(await weighEvidence(question, passages, { idf, ranking: TEST_RANKING }), passages, CALIBRATION);
    };
    expect((await decide("When did the forum take place?", "The forum took place in Hangzhou in April 2025.")).outcome).toBe("answered");
    expect((await decide("When did the forum take place?", "The forum took place in Hangzhou.")).outcome).toBe("uncertain");
    expect((await decide("espresso machine pressure", "The forum took place in Hangzhou.")).outcome).toBe("not_found");
    const none = assess([], [], CALIBRATION);
    expect(none).toMatchObject({ outcome: "not_found", relevance: 0, confidence: 0 });
  });

  it("When the top-ranked sentence shares no term with the question, Then the decision weighs the sentence the answer quotes", async () => {
    const passages = passagesOf("The forum took place in Hangzhou in April 2025.", "Spring rain fell on West Lake.");
    const evidence = await weighEvidence("When did the forum take place?", passages, { idf, ranking: TEST_RANKING });
    const unrelated = { ...evidence.find((s) => s.coverage === 0)!, score: 0.99 };
    const quoted = evidence.find((s) => s.coverage > 0)!;
    expect(decisionFeatures([unrelated, ...evidence], passages)).toMatchObject({ coverage: quoted.coverage, typeMatch: 1, answerScore: quoted.score });
  });

  it("When the quoted sentence lacks the question's most specific term and another sentence of its passage holds it, Then the decision reads that as focusElsewhere", async () => {
    const idfOf = (term: string) => (term === "vpn" ? 3 : 1);
    const features = async (...texts: string[]) => {
      const passages = passagesOf(...texts);
      const evidence = await weighEvidence("What is the VPN password?", passages, { idf: idfOf, ranking: TEST_RANKING });
      // The guest network's sentence is the one quoted, as the ranking may put it first.
      const quoted = evidence.find((s) => s.text.startsWith("The guest"))!;
      return decisionFeatures([quoted, ...evidence.filter((s) => s !== quoted)], passages);
    };
    const sameSection = await features("The guest Wi-Fi password changes every Monday. Connect to the VPN before opening internal systems.");
    expect(sameSection).toMatchObject({ focus: 0.5, focusElsewhere: 1 });
    // Held in another passage only, it is no sign that this passage answers beside the question.
    expect(await features("The guest Wi-Fi password changes every Monday.", "Connect to the VPN before opening internal systems.")).toMatchObject({ focus: 0, focusElsewhere: 0 });
  });

  it("When the best sentence is a line whose label names the whole question and whose value is of the kind asked for, Then it is answered however unsure the model is", async () => {
    // A model that never reaches the threshold on its own.
    const unsure: DecisionCalibration = { ...CALIBRATION, confidence: { intercept: -6, weights: { coverage: 1 } } };
    const decide = async (question: string, ...texts: string[]) => {
      const passages = passagesOf(...texts);
      return assess(await weighEvidence(question, passages, { idf, ranking: TEST_RANKING }), passages, unsure);
    };
    const labelLine = await decide("Who is the parking coordinator?", "Parking Coordinator: Marcus Del Rio, extension 4417");
    expect(labelLine).toMatchObject({ outcome: "answered", confidence: unsure.answerFrom });
    // Not a label naming part of the question, nor a sentence repeating it.
    expect((await decide("Who is the parking coordinator?", "Coordinator: Marcus Del Rio")).outcome).toBe("uncertain");
    expect((await decide("Who is the parking coordinator?", "The parking coordinator handles permits.")).outcome).toBe("uncertain");
  });

  it("When the best sentence lacks the kind of answer asked for, Then the outcome is at most uncertain however confident the model is", async () => {
    // A model that does not read the answer type at all: only the rule keeps the deputy from answering for the director.
    const blind: DecisionCalibration = { ...CALIBRATION, confidence: { intercept: -6, weights: { coverage: 9 } } };
    const passages = passagesOf("María Elena Espinoza is Deputy Director of the Casa del Alabado museum.");
    const deputy = assess(await weighEvidence("Who is the director of the Casa del Alabado museum?", passages, { idf, ranking: TEST_RANKING }), passages, blind);
    expect(deputy.confidence).toBeGreaterThan(blind.answerFrom);
    expect(deputy.outcome).toBe("uncertain");
    const director = passagesOf("María Elena Espinoza is Director of the Casa del Alabado museum.");
    expect(assess(await weighEvidence("Who is the director of the Casa del Alabado museum?", director, { idf, ranking: TEST_RANKING }), director, blind).outcome).toBe("answered");
    expect(outcomeOf(0.5, 0.99, CALIBRATION, false)).toBe("uncertain");
  });

  it("When a question asks what is not so, Then only a sentence saying what is not so, itself or by its section's heading, has the kind of answer asked for", async () => {
    const blind: DecisionCalibration = { ...CALIBRATION, confidence: { intercept: -6, weights: { coverage: 9 } } };
    const decide = async (question: string, passages = passagesOf("Your laptop is covered for 24 months.")) =>
      assess(await weighEvidence(question, passages, { idf, ranking: TEST_RANKING }), passages, blind);
    // "not" is no term: without the rule the cover itself answers what is not covered.
    expect((await decide("What is not covered?")).outcome).toBe("uncertain");
    expect((await decide("What isn't covered?")).outcome).toBe("uncertain");
    expect((await decide("What is covered?")).outcome).toBe("answered");
    expect((await decide("What is not covered?", passagesOf("Loss or theft is not covered."))).outcome).toBe("answered");
    // "or not" offers both sides.
    expect((await decide("Is the laptop covered or not?")).outcome).toBe("answered");
    const section = passagesOf("Loss or theft of the laptop, when covered by home insurance.");
    section[0]!.chunk.headingPath = ["Warranty", "What is not covered"];
    const [item] = await weighEvidence("What is not covered?", section, { idf, ranking: TEST_RANKING });
    expect(item).toMatchObject({ typed: true, typeMatch: true });
    // A table's "none" is a value, not an exclusion.
    expect(saysWhatIsNot("Cover: Travel delay; Limit: £20 per 12 hours; Excess: none")).toBe(false);
    expect(saysWhatIsNot("Claims arising from alcohol are excluded.")).toBe(true);
  });

  it("When a question asks why not, Then it asks for a reason, and a sentence restating the question is none", async () => {
    const blind: DecisionCalibration = { ...CALIBRATION, confidence: { intercept: -6, weights: { coverage: 9 } } };
    const question = "Why can't I bring firewood from home?";
    const premise = passagesOf("Do not bring firewood from home.");
    expect(assess(await weighEvidence(question, premise, { idf, ranking: TEST_RANKING }), premise, blind).outcome).toBe("uncertain");
    const [reason] = await weighEvidence(question, passagesOf("Firewood from home can carry invasive insects."), { idf, ranking: TEST_RANKING });
    expect(reason).toMatchObject({ typed: true, typeMatch: true });
  });
});

describe("phrase match", () => {
  it("When every word of the question is in the sentence but not together, Then the phrase match is lower than where they stand together", async () => {
    const question = "Who is the Director-General of UNESCO?";
    const apart = await weighEvidence(question, passagesOf("Gábor Zsigmond (Director-General, Hungarian National Museum, Hungary) spoke at the UNESCO forum."), { idf, ranking: TEST_RANKING });
    const together = await weighEvidence(question, passagesOf("Audrey Azoulay is the Director-General of UNESCO."), { idf, ranking: TEST_RANKING });
    expect(apart[0]!.coverage).toBe(1);
    expect(together[0]!.phraseMatch).toBe(1);
    expect(apart[0]!.phraseMatch).toBe(0.5);
  });
});
