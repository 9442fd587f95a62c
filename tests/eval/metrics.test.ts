import { describe, expect, it } from "vitest";
import { auroc, ndcgAt, precisionRecall, recallAt } from "../../src/eval/metrics.js";

describe("retrieval metrics", () => {
  it("When relevant documents are ranked 1st and 3rd with grades 2 and 1, Then nDCG@10 matches the hand computation", () => {
    // DCG = 2/log2(2) + 1/log2(4) = 2.5 (z is never retrieved); IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4) = 3.13093.
    const relevant = new Map([
      ["a", 2],
      ["c", 1],
      ["z", 1],
    ]);
    const idcg = 2 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAt(10, ["a", "b", "c", "d"], relevant)).toBeCloseTo(2.5 / idcg, 10);
    expect(ndcgAt(10, ["a", "b", "c", "d"], relevant)).toBeCloseTo(0.7985, 4);
  });

  it("When the only relevant document is ranked beyond k, Then nDCG@k and recall@k are 0", () => {
    const relevant = new Map([["x", 1]]);
    const ranked = ["a", "b", "c", "x"];
    expect(ndcgAt(3, ranked, relevant)).toBe(0);
    expect(recallAt(3, ranked, relevant)).toBe(0);
    expect(recallAt(4, ranked, relevant)).toBe(1);
  });

  it("When the ranking is ideal, Then nDCG is 1", () => {
    const relevant = new Map([
      ["b", 1],
      ["a", 3],
    ]);
    expect(ndcgAt(10, ["a", "b", "c"], relevant)).toBe(1);
    expect(ndcgAt(10, ["b", "a", "c"], relevant)).toBeLessThan(1);
  });

  it("When half of two relevant documents are found, Then recall is 0.5", () => {
    expect(recallAt(5, ["a", "q"], new Set(["a", "b"]))).toBe(0.5);
  });
});

describe("abstention metrics", () => {
  it("When scores separate the classes perfectly, Then AUROC is 1, reversed 0, all tied 0.5", () => {
    const samples = [
      { score: 0.9, positive: true },
      { score: 0.8, positive: true },
      { score: 0.2, positive: false },
      { score: 0.1, positive: false },
    ];
    expect(auroc(samples)).toBe(1);
    expect(auroc(samples.map((s) => ({ ...s, positive: !s.positive })))).toBe(0);
    expect(auroc(samples.map((s) => ({ ...s, score: 0.5 })))).toBe(0.5);
  });

  it("When one positive is outscored by one negative of four pairs, Then AUROC is 3/4", () => {
    const samples = [
      { score: 0.9, positive: true },
      { score: 0.4, positive: true },
      { score: 0.5, positive: false },
      { score: 0.1, positive: false },
    ];
    expect(auroc(samples)).toBe(0.75);
  });

  it("When 2 of 3 predictions are right and 1 of 3 positives is missed, Then precision and recall are 2/3", () => {
    const result = precisionRecall([
      { predicted: true, positive: true },
      { predicted: true, positive: true },
      { predicted: true, positive: false },
      { predicted: false, positive: true },
      { predicted: false, positive: false },
    ]);
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.recall).toBeCloseTo(2 / 3);
  });
});
