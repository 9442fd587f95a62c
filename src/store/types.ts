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
