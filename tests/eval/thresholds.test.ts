import { describe, expect, it } from "vitest";
import { atThreshold, type QaOutcome, riskCoverage } from "../../src/eval/qa.js";

const outcome = (id: string, confidence: number, answerable: boolean, goldInAnswer: boolean, outcome: QaOutcome["outcome"] = "uncertain", goldIfConfident = goldInAnswer): QaOutcome => ({
  id, question: id, split: "check", answerable, outcome, confidence, goldRetrieved: answerable, goldInAnswer, goldIfConfident, evidenceCited: false, answer: "",
});

describe("answers at another threshold", () => {
  it("When the threshold moves, Then the confident answers, their precision and the unanswerable ones left unconfident follow it; not_found stays out", () => {
    const outcomes = [
      outcome("right-high", 0.9, true, true, "answered"),
      outcome("wrong-mid", 0.6, true, false),
      outcome("unanswerable-mid", 0.55, false, false),
      outcome("right-low", 0.3, true, true),
      outcome("unanswerable-gated", 0.8, false, false, "not_found"),
    ];
    expect(atThreshold(outcomes, 0.75)).toEqual({ answered: 1, precision: 1, unanswerableNotConfident: 1 });
    expect(atThreshold(outcomes, 0.5)).toEqual({ answered: 3, precision: 1 / 3, unanswerableNotConfident: 0.5 });
    expect(atThreshold(outcomes, 0.3)).toEqual({ answered: 4, precision: 0.5, unanswerableNotConfident: 0.5 });
  });

  it("When an uncertain answer holds a gold answer only in what it quotes as uncertain, Then at a threshold that makes it confident it counts as the confident answer would", () => {
    const outcomes = [outcome("right-high", 0.9, true, true, "answered"), outcome("right-only-uncertain", 0.6, true, true, "uncertain", false)];
    expect(atThreshold(outcomes, 0.5)).toMatchObject({ answered: 2, precision: 0.5 });
    expect(riskCoverage(outcomes).at(-1)).toEqual({ threshold: 0.6, coverage: 1, risk: 0.5 });
  });
});
