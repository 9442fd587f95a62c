/**
 * @module bench/pg-replica-run
 * A pgvector replica as a server starts one, in a process of its own so its
 * memory is its own: connect, load the live generation (start-up time), then
 * serve the given queries in hybrid mode through the product's Retriever,
 * chunk texts included, and report the resident set size after them.
 *
 * Usage: tsx scripts/bench/pg-replica-run.ts '{"databaseUrl":"postgres://…","queriesFile":"/tmp/….json"}'
 */
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { readFileSync } from "node:fs";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { loadConfig } from "../../src/config.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { percentiles, round, timed, timeEach, type Percentiles } from "./stats.js";
import { DIMENSION } from "./vector-cache.js";
import { K, type BenchQuery } from "./workload.js";

export interface PgReplicaRunArgs {
  databaseUrl: string;
  /** JSON file of BenchQuery[]. */
  queriesFile: string;
}

export interface PgReplicaRunResult {
  /** From connecting to a loaded live generation, ready to serve. */
  startupMs: number;
  /** Resident set size after serving the queries, MiB. */
  rssMiB: number;
  hybrid: Percentiles;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as PgReplicaRunArgs;
  const queries = JSON.parse(readFileSync(args.queriesFile, "utf8")) as BenchQuery[];
  const started = await timed(async () => {
    const store = await PgGenerationStore.connect({ connectionString: args.databaseUrl, maxConnections: 4, bm25: BUNDLED_CALIBRATION.bm25 });
    const loaded = await store.loadLive({ id: LOCAL_USE_ID, dimension: DIMENSION });
    return { store, snapshot: loaded!.snapshot };
  });
  const { store, snapshot } = started.value;
  try {
    const vectorOf = new Map(queries.map((q) => [q.text, q.vector]));
    const lookup: Embedder = { id: LOCAL_USE_ID, dimension: DIMENSION, embedQuery: async (text) => vectorOf.get(text)!, embedDocuments: async (texts) => texts.map((t) => vectorOf.get(t)!) };
    const retriever = new HybridRetriever({ ...loadConfig({}).retrieval, embedder: lookup });
    const hybrid = percentiles(await timeEach(queries, (q) => retriever.retrieve(snapshot, q.text, { k: K, mode: "hybrid" })));
    const result: PgReplicaRunResult = { startupMs: Math.round(started.ms), rssMiB: round(process.memoryUsage().rss / 2 ** 20, 1), hybrid };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
  }
}

await main();
