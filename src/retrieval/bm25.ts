/**
 * @module bm25
 * The BM25 formula, written once: the embedded store's segments score with it;
 * the Postgres store indexes the same term weights, uses the same IDF and
 * writes `bm25TermScore` and `bm25LengthNorm` once more in SQL
 * (pgvector/pg-keyword-search.ts), so both stores rank alike. BM25F-style, the document
 * title and heading path count as a boosted field (boosted term frequencies
 * share one length norm). The parameters are chosen by `npm run eval` and
 * come from the config (`config.retrieval.bm25`).
 *
 * No proximity term: re-scoring the keyword top 100 with a bonus for each pair of neighbouring query terms found
 * within three words of each other in a chunk (weighted by the rarer term's IDF, at 0.1–0.5 of the best BM25 score)
 * left SciFact's nDCG@10 where it was (train 0.678 at best against 0.678, test 0.678–0.683 against 0.680;
 * scripts/exp, 2026-12-05), and positions would have to be stored in both stores' postings.
 */
import type { Bm25Parameters, KeywordDocument } from "../core/types.js";
import { terms } from "./tokenize.js";

export type { Bm25Parameters };

/** Whether two sets of parameters weigh terms alike: a keyword index built under one serves queries under the other. */
export function sameBm25Parameters(a: Bm25Parameters, b: Bm25Parameters): boolean {
  return a.k1 === b.k1 && a.b === b.b && a.headingBoost === b.headingBoost;
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

/**
 * A document's boosted term frequencies, into `tf` (a heading occurrence
 * counts `headingBoost` body ones); returns its length with the same boost.
 * Both stores index with it (PostgreSQL keeps the result in each chunk row).
 */
export function termWeights(doc: Omit<KeywordDocument, "id">, params: Bm25Parameters, tf = new Map<string, number>()): number {
  const body = terms(doc.text);
  const heading = terms(doc.heading);
  for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const t of heading) tf.set(t, (tf.get(t) ?? 0) + params.headingBoost);
  return body.length + heading.length * params.headingBoost;
}
