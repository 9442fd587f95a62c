/**
 * @module core/types
 * The domain's shared words: what a chunk, a stored document, a hit and an
 * index snapshot are, and the two search seams every store implements. Every
 * stage (ingest, store, retrieval, answer, server) speaks them, so they live
 * here, in a module that imports nothing of the project: the layers above
 * point down to it and never back at each other.
 */

/** A passage of a document; `document.text.slice(start, end) === text` always holds. */
export interface Chunk {
  id: string;
  source: string;
  title: string;
  headingPath: string[];
  text: string;
  start: number;
  end: number;
  page?: number;
}

/** The stored text of a source document, served by /sources and pointed into by chunk offsets. */
export interface StoredDocument {
  source: string;
  title: string;
  text: string;
  pages?: { number: number; start: number; end: number }[];
}

/** What keyword search indexes for one chunk: its body, and its title and heading path as a boosted field. */
export interface KeywordDocument {
  id: string;
  text: string;
  heading: string;
}

/**
 * One search result by chunk id; higher is better. From a vector store the
 * score is cosine similarity in [0, 1] (never distance); from keyword search
 * a relevance score (BM25, or ts_rank_cd weighted by IDF in Postgres).
 */
export interface Hit {
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
  search(vector: number[], k: number): Promise<Hit[]>;
}

/**
 * The seam between retrieval and whatever does keyword search: in-memory BM25
 * (synchronous) or Postgres full-text search (asynchronous). `idf` stays
 * synchronous because the evidence scorer calls it per sentence term.
 */
export interface KeywordSearch {
  search(query: string, k: number): Hit[] | Promise<Hit[]>;
  /** Inverse document frequency of an already stemmed term (see retrieval/tokenize.ts). */
  idf(term: string): number;
}

/** Which embedder made a set of vectors: what an index and the embedding cache are checked against. */
export interface EmbedderIdentity {
  id: string;
  dimension: number;
}

/**
 * What every index generation says about itself, whatever holds it (files or
 * Postgres): shown by /health and /metrics, compared by the next build. How a
 * backend lays the generation out (segments, data files, HNSW parameters) is
 * its own business and not part of this description.
 */
export interface GenerationManifest {
  generation: string;
  builtAt: string;
  embedder: EmbedderIdentity;
  space: "cosine";
  chunking: { size: number; overlap: number };
  chunkCount: number;
  documentCount: number;
}

/** One immutable, fully loaded index generation. Requests hold on to the snapshot they started with. */
export interface IndexSnapshot {
  manifest: GenerationManifest;
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  documents: Map<string, StoredDocument>;
  /** The embedded store's HNSW segments, or pgvector. */
  vectors: VectorStore;
  /** The embedded store's BM25 segments, or Postgres full-text search. */
  keywords: KeywordSearch;
}
