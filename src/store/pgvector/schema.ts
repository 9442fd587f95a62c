/**
 * @module pgvector/schema
 * The tables of the Postgres index. Rows are never rewritten by a reindex:
 * each chunk row records the generation that added it (`first_gen`) and the one
 * that removed it (`retired_gen`), so a reader pinned to generation g sees
 * exactly g's rows (`visibleAt`) while a newer generation is being written or
 * has been published. Unchanged chunks keep their row from one generation to
 * the next; only changed chunks are written.
 *
 * Keyword search is the embedded store's BM25F, computed in SQL. Each chunk's
 * keyword row (`rag_keywords`, same row id and generations as its chunk row)
 * holds its boosted term frequencies (`term_freqs`, written by the same
 * `termWeights` the embedded index uses), length and terms, which a GIN index
 * covers. It is a table of its own, not columns of `rag_chunks`: a chunk row
 * carries its 2 kB vector inline, so there its keyword columns are TOASTed
 * and every candidate a search scores costs extra lookups (1.6× slower at
 * 100k chunks). The collection statistics (document frequency and an upper
 * bound of the term's score per term, chunk count and total length per
 * generation) are kept in `rag_terms` and `rag_generations`, updated by the
 * publish transaction from what it inserted and retired. `rag_terms` rows
 * carry generations like chunk rows, so a reader pinned to a generation ranks
 * with its statistics.
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
);
-- Collection statistics of each generation; NULL in a generation written before keyword search moved into SQL.
ALTER TABLE rag_generations
  ADD COLUMN IF NOT EXISTS chunk_count bigint,
  ADD COLUMN IF NOT EXISTS total_length double precision,
  ADD COLUMN IF NOT EXISTS bm25 jsonb;`;

/**
 * The HNSW index of the chunk vectors (cosine distance). ef_construction as the embedded store's (200, pgvector's
 * default is 64): at 500k chunks the default graph reached recall@10 0.933 even at ef_search 1000 (docs/SCALING.md).
 */
export const HNSW_INDEX =
  "CREATE INDEX IF NOT EXISTS rag_chunks_embedding ON rag_chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 200)";

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
  embedding vector(${dimension}) NOT NULL,
  first_gen bigint NOT NULL,
  retired_gen bigint
);
-- Vectors stored inline, not TOASTed: a 512-d vector is just over TOAST's 2 kB threshold, and the planner, which does
-- not cost reading TOAST, would then judge a sequential scan cheaper than the HNSW index.
ALTER TABLE rag_chunks ALTER COLUMN embedding SET STORAGE PLAIN;
${HNSW_INDEX};
CREATE INDEX IF NOT EXISTS rag_chunks_live ON rag_chunks (retired_gen);
CREATE INDEX IF NOT EXISTS rag_chunks_added ON rag_chunks (first_gen);
CREATE INDEX IF NOT EXISTS rag_chunks_id ON rag_chunks (chunk_id);
CREATE INDEX IF NOT EXISTS rag_chunks_source ON rag_chunks (source);
CREATE TABLE IF NOT EXISTS rag_keywords (
  row_id uuid PRIMARY KEY,
  chunk_id text NOT NULL,
  terms tsvector NOT NULL,
  term_freqs jsonb NOT NULL,
  bm25_length real NOT NULL,
  first_gen bigint NOT NULL,
  retired_gen bigint
);
CREATE INDEX IF NOT EXISTS rag_keywords_terms ON rag_keywords USING gin (terms);
CREATE INDEX IF NOT EXISTS rag_keywords_live ON rag_keywords (retired_gen);
CREATE INDEX IF NOT EXISTS rag_keywords_added ON rag_keywords (first_gen);
CREATE TABLE IF NOT EXISTS rag_documents (
  row_id uuid PRIMARY KEY,
  source text NOT NULL,
  document jsonb NOT NULL,
  first_gen bigint NOT NULL,
  retired_gen bigint
);
CREATE INDEX IF NOT EXISTS rag_documents_source ON rag_documents (source);
-- The source file records a build compares the corpus with, one row per file: a publish writes the records of the
-- files that changed only (in one jsonb manifest, a one-document publish rewrote every file's record: 1 s at 500k files).
CREATE TABLE IF NOT EXISTS rag_files (
  row_id uuid PRIMARY KEY,
  source text NOT NULL,
  sha256 text NOT NULL,
  chunks_digest text,
  chunk_count bigint,
  size double precision NOT NULL,
  mtime_ms double precision NOT NULL,
  indexed_at text,
  record jsonb NOT NULL,
  first_gen bigint NOT NULL,
  retired_gen bigint
);
CREATE INDEX IF NOT EXISTS rag_files_source ON rag_files (source);
CREATE INDEX IF NOT EXISTS rag_files_live ON rag_files (retired_gen);
CREATE TABLE IF NOT EXISTS rag_terms (
  term text NOT NULL,
  df integer NOT NULL,
  -- The highest term score (BM25 tf part, idf left out) of any chunk holding the term, at average length
  -- impact_avg_length: at another average length A it is at most max_impact · max(1, A / impact_avg_length).
  max_impact double precision NOT NULL,
  impact_avg_length double precision NOT NULL,
  first_gen bigint NOT NULL,
  retired_gen bigint
);
CREATE INDEX IF NOT EXISTS rag_terms_term ON rag_terms (term);`;
}

/** SQL condition: the data tables are in this layout (keyword rows, per-term score bounds, file rows). */
export const CURRENT_LAYOUT = `EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('rag_terms') AND attname = 'max_impact')
  AND to_regclass('rag_files') IS NOT NULL`;

/** SQL condition: the row belongs to the generation in parameter `$n`. */
export function visibleAt(n: number): string {
  return `first_gen <= $${n} AND (retired_gen IS NULL OR retired_gen > $${n})`;
}

/**
 * Creates the chunk, keyword, document, term and file tables for `dimension`, inside the
 * caller's transaction. A different dimension means another embedder, and
 * tables without keyword rows, score bounds or file rows an earlier layout: either way every old
 * row is unusable, so the tables are dropped and created again (the vectors
 * come back from the embedding cache, nothing is embedded again).
 */
export async function ensureDataTables(client: PoolClient, dimension: number): Promise<void> {
  const { rows } = await client.query<{ dimension: number; current: boolean }>(
    `SELECT atttypmod AS dimension,
       ${CURRENT_LAYOUT} AS current
     FROM pg_attribute WHERE attrelid = to_regclass('rag_chunks') AND attname = 'embedding'`,
  );
  // Tables in the current layout are left alone: the DDL below takes an ACCESS EXCLUSIVE lock on rag_chunks
  // (ALTER TABLE), which would hold every search on the database until the publish commits.
  if (rows[0]?.dimension === dimension && rows[0].current) return;
  if (rows[0]) await client.query("DROP TABLE rag_chunks; DROP TABLE rag_documents; DROP TABLE IF EXISTS rag_keywords; DROP TABLE IF EXISTS rag_terms; DROP TABLE IF EXISTS rag_files;");
  await client.query(dataDdl(dimension));
}

/** pgvector's text form of a vector. */
export function vectorLiteral(vector: ArrayLike<number>): string {
  return `[${Array.from(vector).join(",")}]`;
}

/** Terms quoted as tsvector / tsquery lexemes and joined by `separator` (" " for a tsvector, " | " for an OR query). */
export function lexemeList(terms: readonly string[], separator: string): string {
  return terms.map((term) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(separator);
}
