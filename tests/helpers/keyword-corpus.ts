/**
 * A fixed keyword corpus and the checks that two keyword indexes agree, shared
 * by the search tests (tests/retrieval) and the segment file tests (tests/store).
 */
import { expect } from "vitest";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import type { Hit, KeywordDocument } from "../../src/core/types.js";
import type { Bm25Parameters } from "../../src/retrieval/bm25.js";
import type { KeywordIndex } from "../../src/retrieval/keyword-index.js";
import { terms } from "../../src/retrieval/tokenize.js";

/** The BM25 parameters the service is shipped with. */
export const BM25: Bm25Parameters = BUNDLED_CALIBRATION.bm25;

// A small vocabulary, so that random documents share terms and scores often tie.
export const VOCABULARY = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma"];
export const STEMMED = VOCABULARY.map((word) => terms(word)[0]!);

export function expectSameHits(actual: Hit[], expected: Hit[]): void {
  expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
  actual.forEach((hit, i) => {
    const want = expected[i]!.score;
    expect(Math.abs(hit.score - want)).toBeLessThanOrEqual(1e-9 * Math.abs(want));
  });
}

export function expectSameIndex(actual: KeywordIndex, expected: KeywordIndex, queries: string[], k: number): void {
  expect(actual.size).toBe(expected.size);
  for (const term of [...STEMMED, "unseen"]) {
    expect(actual.documentFrequency(term)).toBe(expected.documentFrequency(term));
    expect(actual.idf(term)).toBeCloseTo(expected.idf(term), 12);
  }
  for (const query of queries) expectSameHits(actual.search(query, k), expected.search(query, k));
}

export const documents: KeywordDocument[] = Array.from({ length: 300 }, (_, i) => ({
  id: `c${i}`,
  text: Array.from({ length: 3 + (i % 11) }, (_, j) => VOCABULARY[(i * 3 + j * j) % VOCABULARY.length]).join(" "),
  heading: i % 5 === 0 ? VOCABULARY[i % VOCABULARY.length]! : "",
}));
export const QUERIES = ["alpha gamma kappa", "delta", "sigma lambda beta", "unseen", "zeta zeta theta"];

