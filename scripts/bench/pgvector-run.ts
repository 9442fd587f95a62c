/**
 * @module bench/pgvector-run
 * The pgvector store measured the way index-run.ts measures the embedded one,
 * in a process of its own, in a fresh database on the PostgreSQL server
 * `databaseUrl` names: publish a generation of `size` chunks from cached
 * vectors (ingest rate), publish one changed document, load the live
 * generation as a server does, then dense / keyword / hybrid latency through
 * the product's Retriever and dense recall@10 against exact search; last, a
 * replica in a process of its own (pg-replica-run.ts): start-up and memory;
 * with `askSeconds`, /ask throughput of one and then two servers on the database.
 *
 * Usage: tsx scripts/bench/pgvector-run.ts '{"size":10000,"unique":2000,"databaseUrl":"postgres://…"}'
 */
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { writeFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runScript } from "./child.js";
import { loadBaseCorpus } from "./dataset.js";
import { generationInput, withOneDocumentChanged } from "./generation-input.js";
import { askThroughput, startServer, type LoadFigures } from "./http-run.js";
import type { PgReplicaRunArgs, PgReplicaRunResult } from "./pg-replica-run.js";
import { peakRssMiB, timed } from "./stats.js";
import { DIMENSION } from "./vector-cache.js";
import { benchWorkload, measureRetrieval, type RetrievalFigures } from "./workload.js";

export interface PgvectorRunArgs {
  size: number;
  unique: number;
  /** Latency queries, the first of the benchmark's (default: all of them). */
  queries?: number;
  /** A PostgreSQL server with pgvector; the run creates and drops a database of its own on it. */
  databaseUrl: string;
  /** Seconds of each /ask load phase over HTTP (one server, then two); 0 or absent: none. */
  askSeconds?: number;
}

/** /ask over HTTP, closed loop at ASK_CONNECTIONS, against servers (the real service, bundled model) on the benchmark database. */
export interface ReplicaAskFigures {
  oneReplica: LoadFigures;
  twoReplicas: LoadFigures;
  /** Resident memory of each server once it has loaded the live generation, model workers included. */
  serverRssMiB: number[];
}

export interface PgvectorRunResult {
  system: "pgvector";
  size: number;
  /** One publish transaction: rows, term statistics, HNSW and GIN index builds. */
  publishMs: number;
  /** Chunks per second of the publish. */
  ingestThroughput: number;
  /** One document changed: the publish of the new generation, vectors ready. */
  oneChangePublishMs: number;
  /** Reading the live generation's file records, as a build does before it plans a change (not part of the publish). */
  liveRecordsReadMs: number;
  /** VACUUM (ANALYZE) of the tables after the publishes, before anything is timed (what autovacuum does after a load). */
  vacuumMs: number;
  /** Loading the live generation as a server does at start-up (manifest and statistics only). */
  loadMs: number;
  /** Peak RSS of the measuring process, which holds the whole benchmark corpus. */
  peakRssMiB: number;
  /** A replica in a process of its own: start-up, RSS after serving queries, and its hybrid latency. */
  replica: PgReplicaRunResult;
  ask?: ReplicaAskFigures;
  recallAt10: number;
  latency: RetrievalFigures["latency"];
}

// Queries the replica process serves: enough to touch pools, buffers and caches as a server's first minutes do.
const REPLICA_QUERIES = 200;
// Enough concurrent questions to keep two servers' model workers busy.
const ASK_CONNECTIONS = 8;

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as PgvectorRunArgs;
  const workload = await benchWorkload(args.size, args.unique, args.queries);
  const { corpus } = workload;
  const database = await freshDatabase(args.databaseUrl, `rag_bench_${args.size}`);
  const store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
  try {
    const embedderInfo = { id: LOCAL_USE_ID, dimension: DIMENSION };
    // Views into one buffer, as ingest hands over the embedding cache's rows (no copy per chunk).
    const rows = corpus.chunks.map((_, i) => corpus.vectors.subarray(i * DIMENSION, (i + 1) * DIMENSION));
    const input = generationInput(corpus, rows);
    const full = await timed(() => store.publish(input));
    const change = withOneDocumentChanged(input, rows);
    // As a build does: it reads the live records to plan the change, then hands them to the publish as its basis.
    const basis = await timed(() => store.readLiveManifest());
    const oneChange = await timed(() => store.publish({ ...change.input, basis: basis.value }));
    if (!(await oneChange.value.chunksById([change.newChunkId])).has(change.newChunkId)) {
      throw new Error("the one-document publish does not hold the changed document's new chunks");
    }
    // Latencies of the steady state: a load of a million rows sets off autovacuum on its tables within a minute, which
    // then runs for minutes on one of the two cores (and sets the rows' hint bits) while the queries are timed — at 1M
    // chunks, hybrid p50 65 ms during it and 51 ms after, in a development loop. Vacuumed here, as autovacuum would.
    const vacuum = await timed(() => database.run("VACUUM (ANALYZE) rag_chunks, rag_keywords, rag_documents, rag_terms, rag_files"));
    const load = await timed(() => store.loadLive(embedderInfo));
    const snapshot = load.value!.snapshot;

    const { latency, recallAt10 } = await measureRetrieval(snapshot, workload);
    const queriesFile = path.join(os.tmpdir(), `rag-bench-queries-${process.pid}.json`);
    writeFileSync(queriesFile, JSON.stringify(workload.queries.slice(0, REPLICA_QUERIES)));
    const replica = await runScript<PgReplicaRunResult>("scripts/bench/pg-replica-run.ts", { databaseUrl: database.url, queriesFile } satisfies PgReplicaRunArgs);
    rmSync(queriesFile, { force: true });
    const ask = args.askSeconds ? await askOnReplicas(database.url, args.askSeconds) : undefined;
    const result: PgvectorRunResult = {
      system: "pgvector",
      size: args.size,
      publishMs: Math.round(full.ms),
      ingestThroughput: Math.round(args.size / (full.ms / 1000)),
      oneChangePublishMs: Math.round(oneChange.ms),
      liveRecordsReadMs: Math.round(basis.ms),
      vacuumMs: Math.round(vacuum.ms),
      loadMs: Math.round(load.ms),
      peakRssMiB: peakRssMiB(),
      replica,
      ...(ask && { ask }),
      recallAt10,
      latency,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
    await database.drop();
  }
}

/**
 * /ask throughput of one server on the database, then of that server and a
 * second one sharing it. Each is the real service with its defaults (bundled
 * model, one embedding worker per core), so on one machine both share its
 * cores: the figure shows what the database adds, not what a second machine would.
 */
async function askOnReplicas(databaseUrl: string, seconds: number): Promise<ReplicaAskFigures> {
  // An empty corpus folder: the servers serve the published generation, and nothing may rebuild it.
  const corpusDir = await mkdtemp(path.join(os.tmpdir(), "bench-corpus-"));
  const serve = () => startServer({ corpusDir, env: { VECTOR_STORE: "pgvector", DATABASE_URL: databaseUrl } });
  // Every question once while they last, across both phases: the servers memoise embeddings of questions they saw.
  const { httpQuestions } = loadBaseCorpus();
  let sent = 0;
  const nextQuestion = () => httpQuestions[sent++ % httpQuestions.length]!;
  const first = await serve();
  try {
    const oneReplica = await askThroughput([first.ready.url], seconds, ASK_CONNECTIONS, nextQuestion);
    const second = await serve();
    try {
      const twoReplicas = await askThroughput([first.ready.url, second.ready.url], seconds, ASK_CONNECTIONS, nextQuestion);
      return { oneReplica, twoReplicas, serverRssMiB: [first.ready.rssMiB, second.ready.rssMiB] };
    } finally {
      await second.stop();
    }
  } finally {
    await first.stop();
    await rm(corpusDir, { recursive: true, force: true });
  }
}

async function freshDatabase(serverUrl: string, name: string): Promise<{ url: string; run(sql: string): Promise<void>; drop(): Promise<void> }> {
  const admin = async (sql: string, connectionString = serverUrl) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), run: (sql) => admin(sql, url.toString()), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

await main();
