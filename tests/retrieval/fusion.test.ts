import { describe, expect, it } from "vitest";
import { fuseRanks, fuseWeighted } from "../../src/retrieval/fusion.js";

const dense = [
  { id: "a", score: 0.9 },
  { id: "b", score: 0.5 },
  { id: "c", score: 0.4 },
];
const keyword = [
  { id: "c", score: 12 },
  { id: "d", score: 6 },
  { id: "a", score: 3 },
];
const order = (hits: { id: string; score: number }[]) => [...hits].sort((x, y) => y.score - x.score).map((h) => h.id);

describe("fusion of dense and keyword lists", () => {
  it("When the dense weight is 0 or 1, Then the fused order is the keyword or the dense order", () => {
    expect(order(fuseWeighted(dense, keyword, 0)).slice(0, 3)).toEqual(["c", "d", "a"]);
    expect(order(fuseWeighted(dense, keyword, 1)).slice(0, 3)).toEqual(["a", "b", "c"]);
  });

  it("When both lists are fused with weights, Then each score is the weighted sum of min–max normalised scores", () => {
    const fused = new Map(fuseWeighted(dense, keyword, 0.3).map((h) => [h.id, h]));
    // a: dense (0.9−0.4)/0.5 = 1, keyword (3−3)/9 = 0 → 0.3; c: dense 0, keyword 1 → 0.7; b: dense 0.2, absent from keyword → 0.06.
    expect(fused.get("a")!.score).toBeCloseTo(0.3);
    expect(fused.get("c")!.score).toBeCloseTo(0.7);
    expect(fused.get("b")!.score).toBeCloseTo(0.06);
    expect(fused.get("a")!.keyword).toBe(3);
    expect(fused.get("d")!.dense).toBeUndefined();
  });

  it("When fused by reciprocal rank, Then a document high in both lists wins and every score is in [0, 1]", () => {
    const fused = fuseRanks(dense, keyword, 60);
    const scores = new Map(fused.map((h) => [h.id, h.score]));
    // a is 1st and 3rd, c is 3rd and 1st: a tie, both above b (2nd, absent) and d (absent, 2nd).
    expect(scores.get("a")).toBeCloseTo(scores.get("c")!);
    expect(scores.get("a")!).toBeGreaterThan(scores.get("b")!);
    for (const s of scores.values()) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    expect(fuseRanks([{ id: "x", score: 1 }], [{ id: "x", score: 1 }], 60)[0]!.score).toBeCloseTo(1);
  });
});
