/**
 * @module bench/vector-cache
 * Embeddings of the benchmark texts, computed once and kept on disk (under the
 * gitignored .cache/), so index-side figures never include embedding time and
 * a second run starts at once. They are kept in the product's EmbeddingCache
 * (one cache for ingest, eval and benchmarks), appended as batches finish, so
 * a run that was interrupted resumes where it stopped.
 */
import path from "node:path";
import { EmbeddingCache, embeddingKey } from "../../src/embeddings/embedding-cache.js";
import { baseTexts, type BaseCorpus } from "./dataset.js";

export const CACHE_DIR = path.resolve(import.meta.dirname, "../../.cache/bench");
// The cache keys vectors by embedder and text; the benchmark always embeds with the bundled model.
const BENCH_EMBEDDER_ID = "bench:bundled";
const APPEND_EVERY = 256;

export interface CachedVectors {
  /** Flat vectors, `texts.length × dimension`. */
  vectors: Float32Array;
  /** How many were computed by this call (the rest came from disk). */
  computed: number;
}

/**
 * Returns the vectors of `texts`, computing only those not on disk yet with
 * `embed`. `onProgress` receives the number of texts done so far.
 */
export async function cachedVectors(
  name: string,
  texts: string[],
  dimension: number,
  embed: (texts: string[]) => Promise<number[][]>,
  onProgress?: (done: number) => void,
): Promise<CachedVectors> {
  const cache = await EmbeddingCache.open(path.join(CACHE_DIR, name), { id: BENCH_EMBEDDER_ID, dimension });
  const keys = texts.map((text) => embeddingKey(BENCH_EMBEDDER_ID, text));
  const missing = [...new Set(texts.filter((_, i) => !cache.has(keys[i]!)))];
  onProgress?.(texts.length - missing.length);
  for (let start = 0; start < missing.length; start += APPEND_EVERY) {
    const slice = missing.slice(start, start + APPEND_EVERY);
    const computed = await embed(slice);
    await cache.add(slice.map((text, i) => ({ key: embeddingKey(BENCH_EMBEDDER_ID, text), vector: computed[i]! })));
    onProgress?.(texts.length - missing.length + start + slice.length);
  }
  const vectors = new Float32Array(texts.length * dimension);
  keys.forEach((key, i) => vectors.set(cache.get(key)!, i * dimension));
  return { vectors, computed: missing.length };
}

export const DIMENSION = 512;

/**
 * The vectors of the benchmark's unique chunks and of its queries. Without
 * `embed` (the measuring child processes) they must already be on disk.
 */
export async function benchVectors(
  base: BaseCorpus,
  unique: number,
  embed: (texts: string[]) => Promise<number[][]> = refuse,
  onProgress?: (done: number, total: number) => void,
): Promise<{ chunkVectors: Float32Array; queryVectors: Float32Array }> {
  const queryVectors = (await cachedVectors("queries", base.queries, DIMENSION, embed)).vectors;
  const texts = baseTexts(base, unique);
  const chunkVectors = (await cachedVectors("chunks", texts, DIMENSION, embed, (done) => onProgress?.(done, texts.length))).vectors;
  return { chunkVectors, queryVectors };
}

async function refuse(): Promise<never> {
  throw new Error("benchmark vectors are not cached yet; run `npm run bench` (it embeds them first)");
}
