import { describe, expect, it } from "vitest";
import { rankEvidence, type SentenceEvidence } from "../../src/answer/evidence.js";
import { answerThreshold, crossFitted, type FitQuestion, fitDecision, fitRanking, fitSamples } from "../../src/eval/qa.js";
import { passagesOf } from "../answer/passages.js";

/** A retrieved sentence with the given evidence, the rest neutral. */
function sentence(n: number, text: string, evidence: Partial<SentenceEvidence>): SentenceEvidence {
  return {
    n, source: "doc.txt", section: "", listItem: false, code: false, start: n * 100, end: n * 100 + text.length, text,
    coverage: 0, contextCoverage: 0, retrievedCoverage: 0.5, similarity: 0, typed: false, typeMatch: true,
    labelled: false, novelty: 0.5, focus: 0, phraseMatch: 0, position: 0, namedBySection: false, passageScore: 1 - n / 10, score: 0, ...evidence,
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
      question: `question ${i}`,
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

describe("the answer threshold, answer by answer", () => {
  const targets = { answerPrecision: 0.88 };
  const logit = (p: number) => Math.log(p / (1 - p));
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
  // 2,000 answers whose confidences' logits run evenly from -2 to 3, right as often as 0.5 + 1.2 · logit says (spread
  // evenly, by the golden ratio's multiples): right 88 % of the time at a confidence of sigmoid((logit(0.88) - 0.5) / 1.2).
  const onCurve = (flip?: number) =>
    Array.from({ length: 2000 }, (_, i) => {
      const score = sigmoid(-2 + (5 * i) / 1999);
      const right = ((i * 0.6180339887) % 1) < sigmoid(0.5 + 1.2 * logit(score));
      return { score, right: i === flip ? !right : right };
    });
  const bar = sigmoid((logit(0.88) - 0.5) / 1.2);

  it("When rightness rises with confidence, Then the threshold is where answers become right as often as the bar asks, not where those above are on average", () => {
    const judged = onCurve();
    expect(answerThreshold(judged, targets)).toBeCloseTo(bar, 2);
    // On average, the answers above a much lower confidence are already 88 % right.
    const above = judged.filter((a) => a.score >= 0.6);
    expect(above.filter((a) => a.right).length / above.length).toBeGreaterThan(0.88);
    expect(answerThreshold(judged, targets)).toBeGreaterThan(0.7);
  });

  it("When one answer beside the bar is judged the other way, Then the threshold barely moves", () => {
    const judged = onCurve();
    const beside = judged.findIndex((a) => a.score >= bar);
    expect(Math.abs(answerThreshold(onCurve(beside), targets) - answerThreshold(judged, targets))).toBeLessThan(0.005);
  });

  it("When every answer is right, Then the threshold is the lowest confidence; when none is, or there are none, it is 1", () => {
    const judged = onCurve();
    expect(answerThreshold(judged.map((a) => ({ ...a, right: true })), targets)).toBe(judged[0]!.score);
    expect(answerThreshold(judged.map((a) => ({ ...a, right: false })), targets)).toBe(1);
    expect(answerThreshold([], targets)).toBe(1);
  });

  it("When answers are few, Then the threshold is still one of their confidences", () => {
    const judged = [
      { score: 0.95, right: true },
      { score: 0.9, right: true },
      { score: 0.8, right: true },
      { score: 0.8, right: false },
      { score: 0.7, right: false },
      { score: 0.6, right: false },
    ];
    expect(judged.map((a) => a.score)).toContain(answerThreshold(judged, targets));
  });
});

describe("cross-fitting the answer threshold", () => {
  const targets = { gateRecall: 0.998, answerPrecision: 0.88, thresholdSets: ["synthetic"] };
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
