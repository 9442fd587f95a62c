/**
 * @module hnsw-build-worker
 * Builds one HNSW index off the main thread and writes it to a file: `addPoint`
 * is synchronous native work (about 100 s for 100k chunks on 2 cores) that
 * would otherwise freeze every request during a reindex. Plain JavaScript for
 * the same reason as use-worker.mjs: it starts the same under node, tsx and
 * vitest.
 *
 * Input (workerData): `{ file, dimension, count, m, efConstruction, vectors }`
 * with `vectors` one flat Float32Array (count × dimension). The worker posts
 * `{ done: true }` once the file is written, or `{ error }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import hnswlib from "hnswlib-node";
import { runInBackground } from "../../background-thread.mjs";

runInBackground();
const { file, dimension, count, m, efConstruction, vectors } = workerData;
try {
  const index = new hnswlib.HierarchicalNSW("cosine", dimension);
  // Same random seed as a build on the main thread would use: identical graphs.
  index.initIndex(Math.max(1, count), m, efConstruction, 100);
  for (let label = 0; label < count; label++) {
    // addPoint accepts plain arrays only.
    index.addPoint(Array.from(vectors.subarray(label * dimension, (label + 1) * dimension)), label);
  }
  await index.writeIndex(file);
  parentPort.postMessage({ done: true });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
