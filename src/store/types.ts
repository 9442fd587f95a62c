/** A hit from a vector store: similarity in [0, 1] for cosine space, higher is better. */
export interface VectorHit {
  id: string;
  score: number;
}

/**
 * The seam between retrieval and whatever holds the vectors. One required
 * primitive, `search`, returning similarity (never distance).
 */
export interface VectorStore {
  readonly dimension: number;
  readonly size: number;
  search(vector: number[], k: number): Promise<VectorHit[]>;
}

/** A hit from keyword search: a relevance score, higher is better (BM25, or ts_rank_cd in Postgres). */
export interface KeywordHit {
  id: string;
  score: number;
}

/**
 * The seam between retrieval and whatever does keyword search: in-memory BM25
 * (synchronous) or Postgres full-text search (asynchronous). `idf` stays
 * synchronous because the evidence scorer calls it per sentence term.
 */
export interface KeywordSearch {
  search(query: string, k: number): KeywordHit[] | Promise<KeywordHit[]>;
  /** Inverse document frequency of an already stemmed term (see retrieval/tokenize.ts). */
  idf(term: string): number;
}
