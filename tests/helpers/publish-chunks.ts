/** Hand-made chunks published straight to a store, for tests of the store itself (no corpus, no ingest). */
import type { Chunk } from "../../src/core/types.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { keywordDocuments } from "../../src/retrieval/keyword-document.js";
import type { GenerationStore } from "../../src/store/types.js";

/** A one-chunk document `<id>.txt` holding `text`. */
export const chunkOf = (id: string, text: string): Chunk => ({ id, source: `${id}.txt`, title: id, headingPath: [], text, start: 0, end: text.length });

/** Publishes `chunks` as a new generation of `store`, embedded by `embedder`, with no file records. */
export async function publishChunks(store: GenerationStore, embedder: Embedder, chunks: Chunk[]) {
  const documents = new Map(chunks.map((c) => [c.source, { source: c.source, title: c.title, text: c.text }]));
  return store.publish({
    manifest: { embedder: { id: embedder.id, dimension: embedder.dimension }, space: "cosine", chunking: { size: 480, overlap: 80 }, files: [] },
    chunks,
    documents,
    vectors: await embedder.embedDocuments(chunks.map((c) => c.text)),
    keywordDocuments: keywordDocuments(chunks, documents),
  });
}
