/**
 * @module segmented-vector-store
 * The vectors of an embedded generation: one HNSW graph per segment, each with
 * the labels a later segment replaced. A search asks every segment for its k
 * best live vectors and keeps the k best of those: scores are cosine
 * similarities in every segment, so they compare directly.
 */
import type { HnswStore } from "./hnsw-store.js";
import type { Hit, VectorStore } from "../../core/types.js";

export interface VectorSegmentPart {
  store: HnswStore;
  /** Labels of the segment's chunks that are no longer live. */
  deleted: ReadonlySet<number>;
}

export class SegmentedVectorStore implements VectorStore {
  readonly size: number;

  constructor(
    private readonly parts: readonly VectorSegmentPart[],
    readonly dimension: number,
  ) {
    this.size = parts.reduce((sum, part) => sum + part.store.size - part.deleted.size, 0);
  }

  async search(vector: number[], k: number): Promise<Hit[]> {
    if (this.parts.length === 1) return this.parts[0]!.store.searchLive(vector, k, this.parts[0]!.deleted);
    const hits = this.parts.flatMap((part) => part.store.searchLive(vector, k, part.deleted));
    return hits.sort((a, b) => b.score - a.score).slice(0, k);
  }

  /** Every live chunk id with its stored vector (to copy the index elsewhere without re-embedding). */
  *entries(): Generator<[id: string, vector: number[]]> {
    for (const { store, deleted } of this.parts) {
      for (const [label, id] of store.labels.entries()) if (!deleted.has(label)) yield [id, store.vectorAt(label)];
    }
  }
}
