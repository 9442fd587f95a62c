import { describe, expect, it } from "vitest";
import { rankEvidence, type SentenceEvidence } from "../../src/answer/evidence.js";
import { answerThreshold, baggedAnswerThreshold, crossFitted, type FitQuestion, fitDecision, fitRanking, fitSamples } from "../../src/eval/qa.js";
import { passagesOf } from "../answer/passages.js";

/** A retrieved sentence with the given evidence, the rest neutral. */
function sentence(n: number, text: string, evidence: Partial<SentenceEvidence>): SentenceEvidence {
  return {
    n, source: "doc.txt", section: "", listItem: false, code: false, start: n * 100, end: n * 100 + text.length, text,
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
  // Scores 1.000, 0.999, … with the answers at `wrong` (positions from the top) wrong.
  const judgedWith = (count: number, wrong: Set<number>) => Array.from({ length: count }, (_, i) => ({ score: 1 - i / 1000, right: !wrong.has(i) }));

  it("When a few wrong answers sit among many right ones further up, Then they do not stop the threshold below them", () => {
    // 30 right answers, then 5 wrong, then 60 right: answers below the wrong ones are right as often as the bar asks.
    const judged = judgedWith(95, new Set([30, 31, 32, 33, 34]));
    expect(answerThreshold(judged, targets)).toBe(judged[94]!.score);
  });

  it("When the lowest answers are wrong, Then the threshold is the lowest confidence above them", () => {
    const sinking = judgedWith(60, new Set([50, 51, 52, 53, 54, 55, 56, 57, 58, 59]));
    expect(answerThreshold(sinking, targets)).toBe(sinking[49]!.score);
    expect(answerThreshold(judgedWith(60, new Set(Array.from({ length: 60 }, (_, i) => i))), targets)).toBe(1);
  });

  it("When precision is a plateau below a more precise top, Then the whole plateau is answered or none of it, by where the bar stands", () => {
    // 40 answers right 95 % of the time above 350 right 6 times in 7 (0.857), evenly.
    const wrong = new Set([5, 25, ...Array.from({ length: 50 }, (_, i) => 40 + 7 * i)]);
    const judged = judgedWith(390, wrong);
    expect(answerThreshold(judged, { answerPrecision: 0.88 })).toBe(judged[39]!.score);
    expect(answerThreshold(judged, { answerPrecision: 0.85 })).toBe(judged[389]!.score);
  });

  it("When answers share a confidence, Then the threshold does not part them", () => {
    const judged = [
      { score: 0.9, right: true },
      { score: 0.8, right: true },
      { score: 0.8, right: false },
      { score: 0.8, right: false },
      { score: 0.7, right: true },
    ];
    expect(answerThreshold(judged, targets)).toBe(0.9);
  });
});

describe("the answer threshold over resamples", () => {
  const targets = { answerPrecision: 0.88 };
  // 500 answers, scores 1.000, 0.999, …, wrong more often further down (4 % at the top, 19 % at the bottom), spread evenly.
  const judged = Array.from({ length: 500 }, (_, i) => ({ score: 1 - i / 1000, right: (i * 37) % 100 >= (0.04 + (0.15 * i) / 500) * 100 }));
  // The same with answer 183 (near the bar) judged the other way.
  const changed = judged.map((answer, i) => (i === 183 ? { ...answer, right: !answer.right } : answer));

  it("When one answer beside the bar changes, Then the rule on the answers as given jumps, and its median over resamples barely moves", () => {
    expect(Math.abs(answerThreshold(changed, targets) - answerThreshold(judged, targets))).toBeGreaterThan(0.05);
    expect(Math.abs(baggedAnswerThreshold(changed, targets) - baggedAnswerThreshold(judged, targets))).toBeLessThan(0.02);
  });

  it("When the answers are the same, Then so is the threshold (the resamples are seeded), and it is one of their confidences", () => {
    expect(baggedAnswerThreshold(judged, targets)).toBe(baggedAnswerThreshold([...judged], targets));
    expect(judged.map((a) => a.score)).toContain(baggedAnswerThreshold(judged, targets));
    expect(baggedAnswerThreshold([], targets)).toBe(1);
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
