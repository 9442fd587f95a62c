/**
 * @module bench/pgvector-run
 * The pgvector store measured the way index-run.ts measures the embedded one,
 * in a process of its own: publish a generation of `size` chunks from cached
 * vectors (ingest rate), load it as a server does, then dense / keyword /
 * hybrid latency through the product's Retriever and dense recall@10 against
 * exact search. The database is PGlite (Postgres in WebAssembly, one session,
 * in this process) unless `databaseUrl` names a real server.
 *
 * Usage: tsx scripts/bench/pgvector-run.ts '{"size":10000,"unique":2000}'
 */
import { loadConfig } from "../../src/config.js";
import { headingText } from "../../src/ingest/build-index.js";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { Retriever } from "../../src/retrieval/retriever.js";
import { DEFAULT_HNSW } from "../../src/store/hnsw-store.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
// The tests' PGlite-over-socket server: the same database the pgvector tests run on.
import { startPgliteServer } from "../../tests/helpers/pglite-server.js";
import { CHUNKING, loadBaseCorpus, rowOf, sizedCorpus } from "./dataset.js";
import { exactTopK, recallAt } from "./exact-search.js";
import { peakRssMiB, percentiles, timed, timeEach, type Percentiles } from "./stats.js";
import { benchVectors, DIMENSION } from "./vector-cache.js";

export interface PgvectorRunArgs {
  size: number;
  unique: number;
  /** A real PostgreSQL with pgvector; default: PGlite in this process. */
  databaseUrl?: string;
}

export interface PgvectorRunResult {
  system: "pgvector";
  database: "pglite" | "postgres";
  size: number;
  /** One publish transaction: rows, tsvector and HNSW/GIN index maintenance. */
  publishMs: number;
  /** Chunks per second of the publish. */
  ingestThroughput: number;
  /** Loading the live generation as a server does at start-up. */
  loadMs: number;
  peakRssMiB: number;
  recallAt10: number;
  latency: { dense: Percentiles; rawVector: Percentiles; keyword: Percentiles; hybrid: Percentiles };
}

const K = 10;
const RECALL_QUERIES = 200;

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as PgvectorRunArgs;
  const base = loadBaseCorpus();
  const { chunkVectors, queryVectors } = await benchVectors(base, args.unique);
  const corpus = sizedCorpus(base, args.size, args.unique, chunkVectors, DIMENSION);
  const queries = base.queries.map((text, i) => ({ text, vector: corpus.queryVector(rowOf(queryVectors, DIMENSION, i), i) }));
  const truth = await exactTopK(corpus, queries.slice(0, RECALL_QUERIES).map((q) => q.vector), K, `${args.size}-${args.unique}-replicas`);

  const pglite = args.databaseUrl ? undefined : await startPgliteServer();
  const store = await PgGenerationStore.connect({ connectionString: args.databaseUrl ?? pglite!.url });
  try {
    const embedderInfo = { id: LOCAL_USE_ID, dimension: DIMENSION };
    const publish = await timed(() =>
      store.publish({
        manifest: { embedder: embedderInfo, space: "cosine", chunking: CHUNKING, hnsw: DEFAULT_HNSW, files: [] },
        chunks: corpus.chunks,
        documents: corpus.documents,
        vectors: corpus.chunks.map((_, i) => rowOf(corpus.vectors, DIMENSION, i)),
        keywordDocuments: corpus.chunks.map((c) => ({ id: c.id, text: c.text, heading: headingText(c) })),
      }),
    );
    const load = await timed(() => store.loadLive(embedderInfo));
    const snapshot = load.value!.snapshot;

    // The product's retrieval path, fed the precomputed query vectors.
    const vectorOf = new Map(queries.map((q) => [q.text, q.vector]));
    const lookup: Embedder = { ...embedderInfo, embedQuery: async (text) => vectorOf.get(text)!, embedDocuments: async (texts) => texts.map((t) => vectorOf.get(t)!) };
    const retriever = new Retriever({ ...loadConfig({}).retrieval, embedder: lookup });
    const search = (mode: "dense" | "keyword" | "hybrid") => timeEach(queries, (q) => retriever.retrieve(snapshot, q.text, { k: K, mode }));
    const latency = {
      dense: percentiles(await search("dense")),
      rawVector: percentiles(await timeEach(queries, (q) => snapshot.vectors.search(q.vector, K))),
      keyword: percentiles(await search("keyword")),
      hybrid: percentiles(await search("hybrid")),
    };
    const found: string[][] = [];
    for (const q of queries.slice(0, truth.length)) found.push((await snapshot.vectors.search(q.vector, K)).map((h) => h.id));
    const result: PgvectorRunResult = {
      system: "pgvector",
      database: pglite ? "pglite" : "postgres",
      size: args.size,
      publishMs: Math.round(publish.ms),
      ingestThroughput: Math.round(args.size / (publish.ms / 1000)),
      loadMs: Math.round(load.ms),
      peakRssMiB: peakRssMiB(),
      recallAt10: recallAt(found, truth),
      latency,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
    await pglite?.close();
  }
}

await main();
