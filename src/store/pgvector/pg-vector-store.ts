/**
 * @module pgvector/pg-vector-store
 * Dense search in Postgres: pgvector's HNSW index (`vector_cosine_ops`) over
 * the rows of one generation. Scores are cosine similarity, 1 − distance, as
 * the embedded HnswStore returns them.
 */
import type { Hit, VectorStore } from "../../core/types.js";
import type { Query } from "./guarded-query.js";
import { vectorLiteral, visibleAt } from "./schema.js";

export class PgVectorStore implements VectorStore {
  constructor(
    private readonly query: Query,
    /** The generation this store reads; rows added or retired by later generations are invisible. */
    readonly generation: number,
    readonly dimension: number,
    readonly size: number,
  ) {}

  async search(vector: number[], k: number): Promise<Hit[]> {
    if (vector.length !== this.dimension) {
      throw new Error(`query vector has ${vector.length} dimensions, the index ${this.dimension}`);
    }
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    const rows = await this.query<{ id: string; distance: number }>(
      `SELECT chunk_id AS id, embedding <=> $1::vector AS distance FROM rag_chunks
       WHERE ${visibleAt(2)} ORDER BY embedding <=> $1::vector LIMIT $3`,
      [vectorLiteral(vector), this.generation, n],
    );
    return rows.map((row) => ({ id: row.id, score: Math.min(1, Math.max(0, 1 - Number(row.distance))) }));
  }
}
