/**
 * @module query-memo
 * An Embedder that remembers its most recent query vectors. One /ask embeds
 * its question for dense retrieval and again to rank answer sentences; on 2
 * cores each embedding is ~20 ms of model time, so the second is looked up.
 * In-flight embeddings are shared too, and failures are not remembered.
 */
import type { Embedder } from "./types.js";

const DEFAULT_CAPACITY = 256;

/** Wraps `embedder` so `embedQuery` is memoised (least recently used dropped first); everything else passes through. */
export function memoizeQueries(embedder: Embedder, capacity = DEFAULT_CAPACITY): Embedder {
  const memo = new Map<string, Promise<number[]>>();
  return {
    id: embedder.id,
    dimension: embedder.dimension,
    embedDocuments: (texts) => embedder.embedDocuments(texts),
    embedQuery(text) {
      const known = memo.get(text);
      if (known) {
        // Re-inserting moves it to the newest end of the Map's order.
        memo.delete(text);
        memo.set(text, known);
        return known;
      }
      const vector = embedder.embedQuery(text);
      memo.set(text, vector);
      if (memo.size > capacity) memo.delete(memo.keys().next().value!);
      vector.catch(() => {
        if (memo.get(text) === vector) memo.delete(text);
      });
      return vector;
    },
  };
}
