/**
 * @module cached-embedder
 * An embedder whose vectors come from an EmbeddingCache when they can and are
 * cached when they cannot, so that a second `npm run eval` does not re-embed
 * thousands of abstracts. `warm` embeds a whole list up front, in slices, so
 * that a progress bar can follow it and an interrupted run keeps what it did.
 */
import { type EmbeddingCache, embeddingKey } from "./embedding-cache.js";
import type { Embedder } from "./types.js";

const WARM_SLICE = 64;

export interface CachedEmbedder extends Embedder {
  /** The texts (deduplicated) that have no cached vector yet. */
  missing(texts: Iterable<string>): string[];
  warm(texts: string[], onProgress?: (done: number) => void): Promise<void>;
}

export function cachedEmbedder(embedder: Embedder, cache: EmbeddingCache): CachedEmbedder {
  const keyOf = (text: string) => embeddingKey(embedder.id, text);
  const missing = (texts: Iterable<string>) => [...new Set(texts)].filter((text) => !cache.has(keyOf(text)));
  const warm = async (texts: string[], onProgress?: (done: number) => void) => {
    const todo = missing(texts);
    for (let i = 0; i < todo.length; i += WARM_SLICE) {
      const slice = todo.slice(i, i + WARM_SLICE);
      const vectors = await embedder.embedDocuments(slice);
      await cache.add(slice.map((text, j) => ({ key: keyOf(text), vector: vectors[j]! })));
      onProgress?.(Math.min(todo.length, i + WARM_SLICE));
    }
  };
  const embedDocuments = async (texts: string[]) => {
    await warm(texts);
    return texts.map((text) => Array.from(cache.get(keyOf(text))!));
  };
  return {
    id: embedder.id,
    dimension: embedder.dimension,
    missing,
    warm,
    embedDocuments,
    embedQuery: async (text) => (await embedDocuments([text]))[0]!,
  };
}
