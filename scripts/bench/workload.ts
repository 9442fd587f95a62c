/**
 * @module bench/workload
 * What every store measurement starts from, so that all stores are measured
 * on the same thing: the corpus of `size` chunks, the queries (vectors moved
 * into their replicas) and the exact top-k of the first queries.
 */
import { loadBaseCorpus, rowOf, sizedCorpus, type SizedCorpus } from "./dataset.js";
import { exactTopK } from "./exact-search.js";
import { benchVectors, DIMENSION } from "./vector-cache.js";

export const K = 10;
const RECALL_QUERIES = 200;

export interface BenchQuery {
  text: string;
  vector: number[];
}

export interface BenchWorkload {
  corpus: SizedCorpus;
  queries: BenchQuery[];
  /** Exact top-K chunk ids of the first queries, the ground truth of recall@K. */
  truth: string[][];
}

export async function benchWorkload(size: number, unique: number): Promise<BenchWorkload> {
  const base = loadBaseCorpus();
  const { chunkVectors, queryVectors } = await benchVectors(base, unique);
  const corpus = sizedCorpus(base, size, unique, chunkVectors, DIMENSION);
  const queries = base.queries.map((text, i) => ({ text, vector: corpus.queryVector(rowOf(queryVectors, DIMENSION, i), i) }));
  const truth = await exactTopK(corpus, queries.slice(0, RECALL_QUERIES).map((q) => q.vector), K, `${size}-${unique}-replicas`);
  return { corpus, queries, truth };
}
