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
 * a relevance score (BM25, computed in memory or, for Postgres, in SQL).
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
 * (synchronous) or BM25 computed in SQL over PostgreSQL (asynchronous).
 */
export interface KeywordSearch {
  search(query: string, k: number): Hit[] | Promise<Hit[]>;
  /**
   * Inverse document frequency of the already stemmed terms of `query` (see
   * retrieval/tokenize.ts), for the evidence scorer, which calls it per term:
   * read once per question, so a store may keep its statistics out of memory.
   */
  idfFor(query: string): Promise<(term: string) => number>;
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
/** BM25's parameters (see retrieval/bm25.ts): part of how a generation's keyword index was built. */
export interface Bm25Parameters {
  k1: number;
  b: number;
  /** How many body occurrences one title/heading occurrence is worth. */
  headingBoost: number;
}

export interface GenerationManifest {
  generation: string;
  builtAt: string;
  embedder: EmbedderIdentity;
  space: "cosine";
  chunking: { size: number; overlap: number };
  /** The BM25 parameters its keyword index was built with, where the store records them. */
  bm25?: Bm25Parameters;
  chunkCount: number;
  documentCount: number;
}

/**
 * One immutable index generation as requests read it. Requests hold on to the
 * snapshot they started with. Chunk texts and documents are read through
 * `chunksById` and `document`, for the hits of a search only, so a store may
 * keep them out of memory (PostgreSQL does: a replica's memory does not grow
 * with the corpus).
 */
export interface IndexSnapshot {
  manifest: GenerationManifest;
  /** The embedded store's HNSW segments, or pgvector. */
  vectors: VectorStore;
  /** The embedded store's BM25 segments, or BM25 computed in SQL. */
  keywords: KeywordSearch;
  /** The chunks among `ids` that this generation holds, by id. */
  chunksById(ids: readonly string[]): Promise<Map<string, Chunk>>;
  /** A source document's stored text; undefined when this generation has no such source. */
  document(source: string): Promise<StoredDocument | undefined>;
  /** Every document's source and title, by source (listings such as MCP's resources; no texts). */
  listDocuments(): Promise<{ source: string; title: string }[]>;
  /**
   * Where documents begin: the first `perDocument` chunks (by offset) of each of the first `documents` documents (by
   * source), in that order. For questions about the documents as a whole.
   */
  leadingChunks(documents: number, perDocument: number): Promise<Chunk[]>;
}

/** A generation held wholly in memory: the embedded store's, and the evaluation's. */
export interface LoadedSnapshot extends IndexSnapshot {
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  documents: Map<string, StoredDocument>;
}
