/**
 * @module memory-index
 * An index snapshot built in memory from chunks, with the same vector store,
 * keyword index and embedding text as ingest, but without publishing a
 * generation on disk: the benchmarks are indexed once per run and thrown away.
 */
import type { Embedder } from "../embeddings/types.js";
import { embeddingText } from "../ingest/build-index.js";
import { keywordDocument } from "../retrieval/keyword-document.js";
import type { Chunk, LoadedSnapshot } from "../core/types.js";
import { BUNDLED_CALIBRATION } from "../config.js";
import type { Bm25Parameters } from "../retrieval/bm25.js";
import { KeywordIndex } from "../retrieval/keyword-index.js";
import { HnswStore } from "../store/embedded/hnsw-store.js";
import { loadedSnapshot } from "../store/loaded-snapshot.js";

export interface MemoryIndexOptions {
  /** What the embedder reads of a chunk; default: what ingest embeds. */
  embedText?: (chunk: Chunk) => string;
  bm25?: Bm25Parameters;
}

export async function memorySnapshot(chunks: Chunk[], embedder: Embedder, options: MemoryIndexOptions = {}): Promise<LoadedSnapshot> {
  const vectors = await embedder.embedDocuments(chunks.map(options.embedText ?? embeddingText));
  return loadedSnapshot({
    manifest: {
      embedder: { id: embedder.id, dimension: embedder.dimension },
      space: "cosine",
      chunking: { size: 0, overlap: 0 },
      chunkCount: chunks.length,
      documentCount: new Set(chunks.map((c) => c.source)).size,
      generation: "memory",
      builtAt: new Date().toISOString(),
    },
    chunks,
    documents: new Map(),
    vectors: HnswStore.build(chunks.map((c) => c.id), vectors, embedder.dimension),
    keywords: keywordIndexOf(chunks, options.bm25),
  });
}

/** The keyword index ingest would build over these chunks. */
export function keywordIndexOf(chunks: Chunk[], bm25: Bm25Parameters = BUNDLED_CALIBRATION.bm25): KeywordIndex {
  return KeywordIndex.build(chunks.map((chunk) => keywordDocument(chunk)), bm25);
}

/** A snapshot sharing vectors and chunks with `base` but with another keyword index (for BM25 parameter sweeps). */
export function withKeywords(base: LoadedSnapshot, keywords: KeywordIndex): LoadedSnapshot {
  return { ...base, keywords };
}
