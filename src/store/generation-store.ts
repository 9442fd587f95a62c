/**
 * @module generation-store
 * Where index generations are published and read from: the seam that lets the
 * ingest pipeline and the reindexer work unchanged on the embedded HNSW files
 * (this module's `fileGenerationStore`) or on PostgreSQL + pgvector
 * (`store/pgvector`). Chosen by VECTOR_STORE in services.ts.
 */
import type { Config } from "../config.js";
import { LiveGenerationCache, loadLiveIndex, publishGeneration, readLiveManifest, type ExpectedEmbedder, type GenerationInput, type LoadOutcome } from "./generations.js";
import type { IndexHolder } from "./index-holder.js";
import type { Manifest } from "./manifest.js";
import type { Logger } from "../logger.js";
import type { IndexSnapshot } from "../core/types.js";

export type { GenerationInput };

export interface GenerationStore {
  /** The live generation's manifest when it is intact, else undefined: what an incremental build compares with. */
  readLiveManifest(): Promise<Manifest | undefined>;
  /** Makes `input` the live generation atomically and returns it ready to serve. */
  publish(input: GenerationInput): Promise<IndexSnapshot>;
  /** The live generation, checked against the configured embedder; undefined when none was published. */
  loadLive(embedder: ExpectedEmbedder): Promise<LoadOutcome | undefined>;
  /**
   * Keeps `index` on the live generation when other processes publish (stores
   * shared by several servers); returns the function that stops following.
   */
  follow?(options: { index: IndexHolder; embedder: ExpectedEmbedder; logger: Logger }): () => void;
  /** Releases connections, if the store holds any. */
  close?(): Promise<void>;
}

/**
 * The embedded store: generation folders under `indexDir`, each a list of
 * segments with an HNSW graph and a BM25 index each. The segments of the live
 * generation stay in memory (and its manifest after a publish of this
 * process), so a publish or a reload reads only what is new.
 */
export function fileGenerationStore(indexDir: string): GenerationStore {
  const cache = new LiveGenerationCache();
  return {
    readLiveManifest: () => readLiveManifest(indexDir, cache),
    loadLive: (embedder) => loadLiveIndex(indexDir, embedder, cache),
    publish: (input) => publishGeneration(indexDir, input, cache),
  };
}

/** The store VECTOR_STORE names. The Postgres driver is only loaded when it is chosen. */
export async function createGenerationStore(
  config: Pick<Config, "indexDir" | "vectorStore">,
): Promise<GenerationStore> {
  if (config.vectorStore.kind === "hnsw") return fileGenerationStore(config.indexDir);
  const { PgGenerationStore } = await import("./pgvector/index.js");
  return PgGenerationStore.connect({ connectionString: config.vectorStore.databaseUrl, followIntervalMs: config.vectorStore.pollMs });
}
