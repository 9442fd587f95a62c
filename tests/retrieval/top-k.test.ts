import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeywordIndex } from "../../src/retrieval/keyword-index.js";
import { topK } from "../../src/retrieval/top-k.js";
import { BM25 } from "../helpers/keyword-corpus.js";

function fullSortFirstK(candidates: number[], score: ArrayLike<number>, k: number): number[] {
  return [...candidates].sort((a, b) => score[b]! - score[a]! || a - b).slice(0, Math.max(0, k));
}

describe("topK", () => {
  it("When candidates have random (often tied) scores, Then the result equals the first k of a full sort", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), fc.integer({ min: 0, max: 40 }), (rawScores, k) => {
        const score = Float64Array.from(rawScores);
        // Candidates in a shuffled-looking order, as keyword search touches them.
        const candidates = rawScores.map((_, i) => i).sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101));
        expect(topK(candidates, score, k)).toEqual(fullSortFirstK(candidates, score, k));
      }),
    );
  });
});

describe("KeywordIndex.search", () => {
  const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa"];
  const documents = Array.from({ length: 400 }, (_, i) => ({
    id: `c${i}`,
    text: Array.from({ length: 3 + (i % 11) }, (_, j) => words[(i * 3 + j * j) % words.length]).join(" "),
    heading: i % 5 === 0 ? words[i % words.length]! : "",
  }));
  const index = KeywordIndex.build(documents, BM25);

  it("When asked for the top k, Then it returns the first k of the full ranking, and repeated searches agree", () => {
    const everything = index.search("alpha gamma kappa", documents.length);
    expect(everything.length).toBeGreaterThan(50);
    for (let i = 1; i < everything.length; i++) expect(everything[i - 1]!.score).toBeGreaterThanOrEqual(everything[i]!.score);
    for (const k of [1, 5, 10, 37]) expect(index.search("alpha gamma kappa", k)).toEqual(everything.slice(0, k));
    expect(index.search("alpha gamma kappa", documents.length)).toEqual(everything);
  });

  it("When a search follows another, Then the earlier query's scores do not leak into it", () => {
    const alone = KeywordIndex.build(documents, BM25).search("delta", 10);
    index.search("alpha beta delta", 10);
    expect(index.search("delta", 10)).toEqual(alone);
  });
});
