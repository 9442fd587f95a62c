/**
 * @module pgvector/follower
 * Keeps a server on the database's live generation when another process
 * publishes one (a replica's reindex, `npm run ingest`): polls the live
 * pointer, a one-row read, and swaps the new generation into the IndexHolder.
 * Requests in flight finish on the snapshot they started with.
 */
import type { EmbedderIdentity } from "../../core/types.js";
import type { IndexHolder } from "../index-holder.js";
import type { Logger } from "../../logger.js";
import type { PgGenerationStore } from "./pg-generation-store.js";

export interface FollowOptions {
  store: PgGenerationStore;
  index: IndexHolder;
  embedder: EmbedderIdentity;
  intervalMs: number;
  logger: Logger;
}

/** Starts polling; returns the function that stops it. */
export function followLiveGeneration({ store, index, embedder, intervalMs, logger }: FollowOptions): () => void {
  let running = false;
  const timer = setInterval(async () => {
    // A slow load must not start a second one on top of it.
    if (running) return;
    running = true;
    try {
      const live = await store.liveGeneration();
      if (live === undefined || live === index.current.manifest.generation) return;
      const loaded = await store.loadLive(embedder);
      // The live generation may have moved on while loading; only ever move forward to what was loaded.
      if (loaded && loaded.snapshot.manifest.generation !== index.current.manifest.generation) {
        const previous = index.current.manifest.generation;
        index.swap(loaded.snapshot);
        logger.info({ generation: loaded.snapshot.manifest.generation, previous }, "loaded the generation another process published");
      }
    } catch (error) {
      logger.warn({ err: error }, `could not follow the database's live generation: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
