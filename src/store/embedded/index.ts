/**
 * @module store/embedded
 * The embedded store: generation folders under the index folder, each a list
 * of segments with an HNSW graph and a BM25 index each. The segments of the
 * live generation stay in memory (and its manifest after a publish of this
 * process), so a publish or a reload reads only what is new.
 */
import type { GenerationStore } from "../types.js";
import { type EmbeddedStoreOptions, LiveGenerationCache, loadLiveIndex, publishGeneration, readLiveManifest } from "./generations.js";
import type { Manifest } from "./manifest.js";

/** The embedded store, whose live record also says which segment holds each file. */
export interface EmbeddedStore extends GenerationStore {
  readLiveManifest(): Promise<Manifest | undefined>;
}

export function embeddedStore(indexDir: string, options: EmbeddedStoreOptions): EmbeddedStore {
  const cache = new LiveGenerationCache();
  return {
    bm25: options.bm25,
    readLiveManifest: () => readLiveManifest(indexDir, cache),
    loadLive: (embedder) => loadLiveIndex(indexDir, embedder, cache),
    publish: (input) => publishGeneration(indexDir, input, cache, options),
  };
}
