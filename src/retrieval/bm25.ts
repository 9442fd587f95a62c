/**
 * @module bm25
 * The BM25 formula, written once: the embedded store's segments score with it
 * and Postgres full-text search weighs its query words by the same IDF, so
 * both stores agree on what a rare word is worth. BM25F-style, the document
 * title and heading path count as a boosted field (boosted term frequencies
 * share one length norm). The parameters are chosen by `npm run eval` and
 * come from the config (`config.retrieval.bm25`).
 */
export interface Bm25Parameters {
  k1: number;
  b: number;
  /** How many body occurrences one title/heading occurrence is worth. */
  headingBoost: number;
}

/** Robertson–Spärck Jones IDF over `documents` of which `frequency` contain the term; never negative. */
export function bm25Idf(documents: number, frequency: number): number {
  return Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
}

/** k1·(1 − b + b·length/averageLength): the document half of a term score's denominator. */
export function bm25LengthNorm({ k1, b }: Bm25Parameters, length: number, averageLength: number): number {
  return k1 * (1 - b + (b * length) / averageLength);
}

/** One term's contribution to a document's score: `tf` its boosted frequency there, `lengthNorm` the document's. */
export function bm25TermScore(idf: number, tf: number, k1: number, lengthNorm: number): number {
  return (idf * (tf * (k1 + 1))) / (tf + lengthNorm);
}
