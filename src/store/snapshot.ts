import type { Chunk } from "../ingest/types.js";
import type { IndexManifest } from "./manifest.js";
import type { KeywordSearch, VectorStore } from "./types.js";

/** The stored text of a source document, served by /sources and pointed into by chunk offsets. */
export interface StoredDocument {
  source: string;
  title: string;
  text: string;
  pages?: { number: number; start: number; end: number }[];
}

/** One immutable, fully loaded index generation. Requests hold on to the snapshot they started with. */
export interface IndexSnapshot {
  manifest: IndexManifest;
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  documents: Map<string, StoredDocument>;
  /** HnswStore for the embedded index, PgVectorStore for Postgres. */
  vectors: VectorStore;
  /** In-memory BM25 for the embedded index, Postgres full-text search for Postgres. */
  keywords: KeywordSearch;
}
