import type { Chunk, IndexSnapshot } from "../core/types.js";

export type SearchMode = "dense" | "keyword" | "hybrid";

/** How hybrid search combines dense and keyword lists: weighted normalised scores, or reciprocal rank fusion. */
export type FusionMethod = "weighted" | "rrf";

/** A retrieved chunk. `score` is in [0, 1], higher is better, whatever the mode. */
export interface ScoredChunk {
  chunk: Chunk;
  score: number;
  /** Cosine similarity, when dense search saw the chunk. */
  dense?: number;
  /** Raw BM25 score, when keyword search saw the chunk. */
  keyword?: number;
}

export interface RetrieveOptions {
  k: number;
  mode: SearchMode;
}

/**
 * The seam between a use case and search: one primitive, so that a concern
 * such as timing wraps it as a function (observability/timed-retriever.ts)
 * rather than by subclassing an implementation.
 */
export interface Retriever {
  retrieve(snapshot: IndexSnapshot, query: string, options: RetrieveOptions): Promise<ScoredChunk[]>;
}
