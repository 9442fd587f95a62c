/**
 * @module bench/workload
 * What every store measurement starts from, so that all stores are measured
 * on the same thing: the corpus of `size` chunks, the queries (vectors moved
 * into their replicas) and the exact top-k of the first queries.
 */
import { loadConfig } from "../../src/config.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import type { IndexSnapshot } from "../../src/core/types.js";
import { loadBaseCorpus, rowOf, sizedCorpus, type SizedCorpus } from "./dataset.js";
import { exactTopK, recallAt } from "./exact-search.js";
import { percentiles, timeEach, type Percentiles } from "./stats.js";
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

/** The corpus of `size` chunks and the first `queryCount` queries (default: all; recall@K takes the first RECALL_QUERIES). */
export async function benchWorkload(size: number, unique: number, queryCount?: number): Promise<BenchWorkload> {
  const base = loadBaseCorpus();
  const { chunkVectors, queryVectors } = await benchVectors(base, unique);
  const corpus = sizedCorpus(base, size, unique, chunkVectors, DIMENSION);
  const queries = base.queries.slice(0, queryCount).map((text, i) => ({ text, vector: corpus.queryVector(rowOf(queryVectors, DIMENSION, i), i) }));
  const truth = await exactTopK(corpus, queries.slice(0, RECALL_QUERIES).map((q) => q.vector), K, `${size}-${unique}-replicas`);
  return { corpus, queries, truth };
}

export interface RetrievalFigures {
  latency: { dense: Percentiles; rawVector: Percentiles; keyword: Percentiles; hybrid: Percentiles };
  recallAt10: number;
}

/**
 * Latency of the product's retrieval path (the Retriever, fed the precomputed
 * query vectors, so no embedding time) in each mode, of the bare vector
 * search, and the vector search's recall@K against the exact truth.
 */
export async function measureRetrieval(snapshot: IndexSnapshot, { queries, truth }: BenchWorkload): Promise<RetrievalFigures> {
  const vectorOf = new Map(queries.map((q) => [q.text, q.vector]));
  const lookup: Embedder = {
    id: snapshot.manifest.embedder.id,
    dimension: snapshot.manifest.embedder.dimension,
    embedQuery: async (text) => vectorOf.get(text)!,
    embedDocuments: async (texts) => texts.map((t) => vectorOf.get(t)!),
  };
  const retriever = new HybridRetriever({ ...loadConfig({}).retrieval, embedder: lookup });
  const search = (mode: "dense" | "keyword" | "hybrid") => timeEach(queries, (q) => retriever.retrieve(snapshot, q.text, { k: K, mode }));
  const latency = {
    dense: percentiles(await search("dense")),
    rawVector: percentiles(await timeEach(queries, (q) => snapshot.vectors.search(q.vector, K))),
    keyword: percentiles(await search("keyword")),
    hybrid: percentiles(await search("hybrid")),
  };
  const found: string[][] = [];
  for (const q of queries.slice(0, truth.length)) found.push((await snapshot.vectors.search(q.vector, K)).map((h) => h.id));
  return { latency, recallAt10: recallAt(found, truth) };
}
