/**
 * @module bench/pgvector-run
 * The pgvector store measured the way index-run.ts measures the embedded one,
 * in a process of its own: publish a generation of `size` chunks from cached
 * vectors (ingest rate), load it as a server does, then dense / keyword /
 * hybrid latency through the product's Retriever and dense recall@10 against
 * exact search, on the PostgreSQL server `databaseUrl` names.
 *
 * Usage: tsx scripts/bench/pgvector-run.ts '{"size":10000,"unique":2000,"databaseUrl":"postgres://…"}'
 */
import { keywordDocument } from "../../src/retrieval/keyword-document.js";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { CHUNKING, rowOf } from "./dataset.js";
import { peakRssMiB, timed } from "./stats.js";
import { DIMENSION } from "./vector-cache.js";
import { benchWorkload, measureRetrieval, type RetrievalFigures } from "./workload.js";

export interface PgvectorRunArgs {
  size: number;
  unique: number;
  /** A PostgreSQL server with pgvector. */
  databaseUrl: string;
}

export interface PgvectorRunResult {
  system: "pgvector";
  size: number;
  /** One publish transaction: rows, tsvector and HNSW/GIN index maintenance. */
  publishMs: number;
  /** Chunks per second of the publish. */
  ingestThroughput: number;
  /** Loading the live generation as a server does at start-up. */
  loadMs: number;
  peakRssMiB: number;
  recallAt10: number;
  latency: RetrievalFigures["latency"];
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as PgvectorRunArgs;
  const workload = await benchWorkload(args.size, args.unique);
  const { corpus } = workload;

  const store = await PgGenerationStore.connect({ connectionString: args.databaseUrl });
  try {
    const embedderInfo = { id: LOCAL_USE_ID, dimension: DIMENSION };
    const publish = await timed(() =>
      store.publish({
        manifest: { embedder: embedderInfo, space: "cosine", chunking: CHUNKING, files: [] },
        chunks: corpus.chunks,
        documents: corpus.documents,
        vectors: corpus.chunks.map((_, i) => rowOf(corpus.vectors, DIMENSION, i)),
        keywordDocuments: corpus.chunks.map(keywordDocument),
      }),
    );
    const load = await timed(() => store.loadLive(embedderInfo));
    const snapshot = load.value!.snapshot;

    const { latency, recallAt10 } = await measureRetrieval(snapshot, workload);
    const result: PgvectorRunResult = {
      system: "pgvector",
      size: args.size,
      publishMs: Math.round(publish.ms),
      ingestThroughput: Math.round(args.size / (publish.ms / 1000)),
      loadMs: Math.round(load.ms),
      peakRssMiB: peakRssMiB(),
      recallAt10,
      latency,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
  }
}

await main();
