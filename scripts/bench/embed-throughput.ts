/**
 * @module bench/embed-throughput
 * Offline embedding throughput of the bundled model on the same chunk texts:
 * one synchronous loop in the calling thread (batches of 32, as a plain script
 * would do it) against the worker pool the server uses. Runs in its own
 * process; prints one JSON line (an EmbedThroughput).
 *
 * Usage: tsx scripts/bench/embed-throughput.ts '{"sample":128,"workers":2}'
 */
import { createLocalUseEmbedder } from "../../src/embeddings/local-use.js";
import { baseTexts, loadBaseCorpus } from "./dataset.js";
import { round, timed } from "./stats.js";

export interface EmbedThroughput {
  sample: number;
  workers: number;
  meanChars: number;
  singleLoopChunksPerSecond: number;
  poolChunksPerSecond: number;
  /** Pool throughput over the single loop's. */
  speedup: number;
}

const { sample, workers } = JSON.parse(process.argv[2]!) as { sample: number; workers: number };
// Texts from the end of the unique list, so no warm cache of any kind holds them.
const all = baseTexts(loadBaseCorpus(), 30_000);
const texts = all.slice(-sample);
// More than half a batch: concurrent warm-up calls cannot be merged into one batch, so each worker gets one.
const warmup = all.slice(0, 20);

async function chunksPerSecond(poolWorkers: number): Promise<number> {
  const embedder = await createLocalUseEmbedder({ workers: poolWorkers });
  try {
    // The first calls compile kernels; every worker gets its share of warm-up.
    await Promise.all(Array.from({ length: Math.max(1, poolWorkers) }, () => embedder.embedDocuments(warmup)));
    const { ms } = await timed(() => embedder.embedDocuments(texts));
    return round(texts.length / (ms / 1000), 1);
  } finally {
    await embedder.close?.();
  }
}

const single = await chunksPerSecond(0);
const pool = await chunksPerSecond(workers);
const result: EmbedThroughput = {
  sample: texts.length,
  workers,
  meanChars: Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length),
  singleLoopChunksPerSecond: single,
  poolChunksPerSecond: pool,
  speedup: round(pool / single, 2),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
