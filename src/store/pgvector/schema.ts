/**
 * @module pgvector/schema
 * The tables of the Postgres index. Rows are never rewritten by a reindex:
 * each chunk row records the generation that added it (`first_gen`) and the one
 * that removed it (`retired_gen`), so a reader pinned to generation g sees
 * exactly g's rows (`visibleAt`) while a newer generation is being written or
 * has been published. Unchanged chunks keep their row from one generation to
 * the next; only changed chunks are written.
 */
import type { PoolClient } from "pg";

/** Generations and which one is live; created on connect (they do not depend on the embedder). */
export const CATALOG_DDL = `
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE IF NOT EXISTS rag_generations (
  generation bigint PRIMARY KEY,
  manifest jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS rag_live (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation bigint NOT NULL REFERENCES rag_generations
);`;

// The heading (title and heading path) is weighted A and the body D; ts_rank_cd's weights make one
// heading occurrence worth two body ones, as the embedded BM25F's heading boost does.
export const RANK_WEIGHTS = "{0.5,0.5,0.5,1.0}";

/** The HNSW index of the chunk vectors (cosine distance). */
export const HNSW_INDEX = "CREATE INDEX IF NOT EXISTS rag_chunks_embedding ON rag_chunks USING hnsw (embedding vector_cosine_ops)";

/**
 * Drops the HNSW index when the chunk table is empty (a first load, or a new
 * embedder), so the caller can insert every row and then build the graph once
 * with `HNSW_INDEX`: much faster than growing it row by row. Returns whether it did.
 */
export async function deferIndexWhenEmpty(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM rag_chunks) AS empty");
  if (rows[0]?.empty) await client.query("DROP INDEX IF EXISTS rag_chunks_embedding");
  return Boolean(rows[0]?.empty);
}

/** Chunk and document tables; their vector column's dimension is the embedder's, known at the first publish. */
function dataDdl(dimension: number): string {
  return `
CREATE TABLE IF NOT EXISTS rag_chunks (
  row_id uuid PRIMARY KEY,
  chunk_id text NOT NULL,
  source text NOT NULL,
  start_offset integer NOT NULL,
  chunk jsonb NOT NULL,
  heading text NOT NULL,
  body text NOT NULL,
  embedding vector(${dimension}) NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', heading), 'A') || setweight(to_tsvector('english', body), 'D')) STORED,
  first_gen bigint NOT NULL,
  retired_gen bigint
);
-- Vectors stored inline, not TOASTed: a 512-d vector is just over TOAST's 2 kB threshold, and the planner, which does
-- not cost reading TOAST, would then judge a sequential scan cheaper than the HNSW index.
ALTER TABLE rag_chunks ALTER COLUMN embedding SET STORAGE PLAIN;
${HNSW_INDEX};
CREATE INDEX IF NOT EXISTS rag_chunks_tsv ON rag_chunks USING gin (tsv);
CREATE INDEX IF NOT EXISTS rag_chunks_live ON rag_chunks (retired_gen);
CREATE TABLE IF NOT EXISTS rag_documents (
  row_id uuid PRIMARY KEY,
  source text NOT NULL,
  document jsonb NOT NULL,
  first_gen bigint NOT NULL,
  retired_gen bigint
);`;
}

/** SQL condition: the row belongs to the generation in parameter `$n`. */
export function visibleAt(n: number): string {
  return `first_gen <= $${n} AND (retired_gen IS NULL OR retired_gen > $${n})`;
}

/**
 * Creates the chunk and document tables for `dimension`, inside the caller's
 * transaction. A different dimension means another embedder: every old row is
 * unusable with it, so the tables are dropped and created again.
 */
export async function ensureDataTables(client: PoolClient, dimension: number): Promise<void> {
  const { rows } = await client.query<{ dimension: number }>(
    `SELECT atttypmod AS dimension FROM pg_attribute WHERE attrelid = to_regclass('rag_chunks') AND attname = 'embedding'`,
  );
  if (rows[0] && rows[0].dimension !== dimension) await client.query("DROP TABLE rag_chunks; DROP TABLE rag_documents;");
  await client.query(dataDdl(dimension));
}

/** pgvector's text form of a vector. */
export function vectorLiteral(vector: ArrayLike<number>): string {
  return `[${Array.from(vector).join(",")}]`;
}
