import { describe, expect, it } from "vitest";
import { rankEvidence, type SentenceEvidence } from "../../src/answer/evidence.js";
import { answerThreshold, crossFitted, type FitQuestion, fitDecision, fitRanking, fitSamples, wilsonLowerBound } from "../../src/eval/qa.js";
import { passagesOf } from "../answer/passages.js";

/** A retrieved sentence with the given evidence, the rest neutral. */
function sentence(n: number, text: string, evidence: Partial<SentenceEvidence>): SentenceEvidence {
  return {
    n, source: "doc.txt", listItem: false, start: n * 100, end: n * 100 + text.length, text,
    coverage: 0, contextCoverage: 0, retrievedCoverage: 0.5, similarity: 0, typed: false, typeMatch: true,
    novelty: 0.5, focus: 0, phraseMatch: 0, position: 0, passageScore: 1 - n / 10, score: 0, ...evidence,
  };
}

/**
 * Questions whose answer is in the sentence that covers the question best, while the
 * sentence most similar to the question (a restatement of it) never holds the answer.
 */
function questions(count: number): FitQuestion[] {
  return Array.from({ length: count }, (_, i) => {
    const answer = `answer${i}`;
    const covering = 0.6 + (i % 4) / 10;
    return {
      set: "synthetic",
      answerable: true,
      answers: [answer],
      goldRetrieved: true,
      passages: passagesOf("a", "b"),
      evidence: [
        sentence(1, "A restatement of the question.", { coverage: 0.4, similarity: 0.9 }),
        sentence(2, `It was ${answer}.`, { coverage: covering, similarity: 0.3 }),
      ],
    };
  });
}

describe("fitting the sentence ranking", () => {
  it("When the answer is in the sentence that covers the question, Then the fitted ranking puts it first, and the extractive answers picked by it hold the gold answer", () => {
    const fit = questions(40);
    const ranking = fitRanking(fit);
    expect(ranking.weights.coverage).toBeGreaterThan(0);
    const ranked = rankEvidence(fit[0]!.evidence, ranking);
    expect(ranked[0]!.text).toBe("It was answer0.");
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(fitSamples(fit, ranking).every((s) => s.goldInAnswer)).toBe(true);
  });

  it("When no retrieved sentence holds a question's gold answer, Then that question does not shape the ranking, and a fit with only such questions is refused", () => {
    const unanswered = questions(40).map((q) => ({ ...q, answers: ["nowhere"] }));
    expect(fitRanking([...questions(40), ...unanswered])).toEqual(fitRanking(questions(40)));
    expect(() => fitRanking(unanswered)).toThrow(/nothing to fit/);
    expect(fitSamples(unanswered, fitRanking(questions(40))).some((s) => s.goldInAnswer)).toBe(false);
  });
});

describe("the precision bound behind the answer threshold", () => {
  const targets = { confidentPrecision: 0.85, confidenceZ: 1.645 };
  // Scores 1.00, 0.99, … with the answers at `wrong` (positions from the top) wrong.
  const judgedWith = (count: number, wrong: Set<number>) => Array.from({ length: count }, (_, i) => ({ score: 1 - i / 100, right: !wrong.has(i) }));

  it("When precision dips below the target on the way down and recovers further down, Then the threshold is the lowest confidence at which the bound holds", () => {
    // 30 right answers, then 5 wrong (the bound falls below 0.85), then 60 right again (it climbs back above).
    const judged = judgedWith(95, new Set([30, 31, 32, 33, 34]));
    expect(wilsonLowerBound(30, 32, 1.645)).toBeLessThan(0.85);
    expect(wilsonLowerBound(90, 95, 1.645)).toBeGreaterThan(0.85);
    expect(answerThreshold(judged, targets)).toBeCloseTo(judged[94]!.score, 6);
    // Ten wrong answers at the bottom: the bound never recovers, and the threshold stays above most of them.
    const sinking = judgedWith(60, new Set([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]));
    expect(answerThreshold(sinking, targets)).toBeGreaterThan(sinking[55]!.score);
    expect(answerThreshold(sinking, targets)).toBeLessThan(1);
  });

  it("When the first few answers are too few to meet the bound, Then the threshold still reaches the lowest confidence at which it holds", () => {
    const judged = judgedWith(60, new Set([0]));
    const threshold = answerThreshold(judged, targets);
    expect(threshold).toBeCloseTo(judged[59]!.score, 6);
    expect(answerThreshold(judgedWith(60, new Set(Array.from({ length: 60 }, (_, i) => i))), targets)).toBe(1);
  });

  it("When the same precision is measured on fewer answers, Then its lower bound is lower", () => {
    expect(wilsonLowerBound(8, 10, 1.645)).toBeCloseTo(0.541, 3);
    expect(wilsonLowerBound(80, 100, 1.645)).toBeCloseTo(0.727, 3);
    expect(wilsonLowerBound(80, 100, 1.645)).toBeLessThan(0.8);
    expect(wilsonLowerBound(0, 0, 1.645)).toBe(0);
  });
});

describe("cross-fitting the answer threshold", () => {
  const targets = { gateRecall: 0.998, confidentPrecision: 0.85, confidenceZ: 1.645, thresholdSets: ["synthetic"] };
  // Unanswerable questions whose best sentence covers little, from another set: they shape the models, not the bar.
  const unanswerable = (count: number): FitQuestion[] =>
    questions(count).map((q) => ({ ...q, set: "other", answerable: false, answers: [], goldRetrieved: false, evidence: q.evidence.map((e) => ({ ...e, coverage: 0.1 })) }));

  it("When the fit questions are cross-fitted, Then each question of the threshold sets is judged once, by models fitted on the other folds, and the threshold comes from those judgements", () => {
    const fit = [...questions(50), ...unanswerable(50)];
    const judged = crossFitted(fit, targets, 5);
    expect(judged).toHaveLength(50);
    expect(judged.every((j) => j.right && j.score > 0 && j.score < 1)).toBe(true);

    const ranking = fitRanking(fit);
    const samples = fitSamples(fit, ranking);
    // Every judged answer right: the threshold can go as low as the lowest judged score.
    expect(fitDecision(samples, targets, judged).answerFrom).toBeCloseTo(Math.min(...judged.map((j) => j.score)), 4);
    // Judged all wrong: no confidence is precise enough, and nothing is answered confidently.
    expect(fitDecision(samples, targets, judged.map((j) => ({ ...j, right: false }))).answerFrom).toBe(1);
  });
});
