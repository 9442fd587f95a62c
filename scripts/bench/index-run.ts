/**
 * @module bench/index-run
 * One index-side measurement in a process of its own, so that its peak RSS is
 * its own: `ours` (HnswStore + BM25 + a published generation, searched through
 * the product's Retriever) or `langchain` (HNSWLib.fromDocuments with its
 * defaults and JSON docstore). Query vectors are precomputed, so latencies are
 * retrieval alone. Prints one JSON line (an IndexRunResult) on stdout.
 *
 * Usage: tsx scripts/bench/index-run.ts '{"system":"ours","size":10000,"unique":10000,"indexDir":"…"}'
 */
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import { Embeddings } from "@langchain/core/embeddings";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import { currentGeneration, LiveGenerationCache, loadGeneration, publishGeneration } from "../../src/store/embedded/generations.js";
import { DEFAULT_HNSW } from "../../src/store/embedded/hnsw-store.js";
import type { SizedCorpus } from "./dataset.js";
import { generationInput, withOneDocumentChanged } from "./generation-input.js";
import { recallAt } from "./exact-search.js";
import { peakRssMiB, percentiles, timed, timeEach, type Percentiles } from "./stats.js";
import { DIMENSION } from "./vector-cache.js";
import { benchWorkload, K, measureRetrieval, type BenchQuery } from "./workload.js";

export interface IndexRunArgs {
  system: "ours" | "langchain";
  size: number;
  unique: number;
  /** Latency queries, the first of the benchmark's (default: all of them). */
  queries?: number;
  /** Where the index is written; kept afterwards (the HTTP step serves it). */
  indexDir: string;
}

export interface IndexRunResult {
  system: IndexRunArgs["system"];
  size: number;
  /** From ready vectors to an index on disk (ours: HNSW in a worker + BM25 + a checksummed, fsynced generation; LangChain: fromDocuments + save). */
  publishMs: number;
  /** Chunks per second over publishMs. */
  buildThroughput: number;
  diskBytes: number;
  /** Reading the index back in the process that built it (ours includes the checksum verification). */
  loadMs: number;
  /** Median load in a fresh process, as at a server's start-up; filled in by bench.ts. */
  freshLoadMs?: number;
  /** One document changed: publishing the new generation, with the vectors ready (LangChain: it can only rebuild, so its publishMs). */
  oneChangePublishMs: number;
  peakRssMiB: number;
  ef: number;
  recallAt10: number;
  latency: { dense: Percentiles; rawHnsw?: Percentiles; keyword?: Percentiles; hybrid?: Percentiles };
  /** LangChain only: its dense search with ef set to ours, so both are compared at the same recall. */
  atOurEf?: { dense: Percentiles; recallAt10: number };
}

// LangChain's HNSWLib never calls setEf: hnswlib-node's default applies.
const HNSWLIB_DEFAULT_EF = 10;

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as IndexRunArgs;
  const { corpus, queries, truth } = await benchWorkload(args.size, args.unique, args.queries);
  // Views into one buffer, as ingest hands over the embedding cache's rows (no copy per chunk).
  const rows = corpus.chunks.map((_, i) => corpus.vectors.subarray(i * DIMENSION, (i + 1) * DIMENSION));
  await rm(args.indexDir, { recursive: true, force: true });
  const result = args.system === "ours" ? await measureOurs(args, corpus, rows, queries, truth) : await measureLangChain(args, corpus, rows, queries, truth);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function measureOurs(args: IndexRunArgs, corpus: SizedCorpus, rows: Float32Array[], queries: BenchQuery[], truth: string[][]): Promise<IndexRunResult> {
  const input = generationInput(corpus, rows);
  // The segments a server holds after its own publish, so the next publish reuses them.
  const live = new LiveGenerationCache();
  const publish = await timed(() => publishGeneration(args.indexDir, input, live, { bm25: BUNDLED_CALIBRATION.bm25 }));
  const generation = (await currentGeneration(args.indexDir))!;
  const diskBytes = await folderBytes(path.join(args.indexDir, generation));
  const load = await timed(() => loadGeneration(args.indexDir, generation, { id: LOCAL_USE_ID, dimension: DIMENSION }));
  const { latency, recallAt10 } = await measureRetrieval(load.value, { corpus, queries, truth });

  const change = withOneDocumentChanged(input, rows);
  const republish = await timed(() => publishGeneration(args.indexDir, change.input, live, { bm25: BUNDLED_CALIBRATION.bm25 }));
  if (!republish.value.chunkById.has(change.newChunkId) || republish.value.chunks.length !== change.input.chunks.length) {
    throw new Error("the incremental publish does not hold the changed document's new chunks");
  }
  return {
    system: "ours",
    size: args.size,
    publishMs: publish.ms,
    buildThroughput: Math.round(args.size / (publish.ms / 1000)),
    diskBytes,
    loadMs: load.ms,
    oneChangePublishMs: republish.ms,
    peakRssMiB: peakRssMiB(),
    ef: DEFAULT_HNSW.efSearch,
    recallAt10,
    latency: { dense: latency.dense, rawHnsw: latency.rawVector, keyword: latency.keyword, hybrid: latency.hybrid },
  };
}

/** Hands LangChain the precomputed vectors, in the order it asks for them. */
class PrecomputedEmbeddings extends Embeddings {
  constructor(private readonly rows: number[][]) {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return this.rows.slice(0, texts.length);
  }
  async embedQuery(): Promise<number[]> {
    throw new Error("the benchmark searches by vector");
  }
}

async function measureLangChain(args: IndexRunArgs, corpus: SizedCorpus, rows: Float32Array[], queries: BenchQuery[], truth: string[][]): Promise<IndexRunResult> {
  // LangChain's Embeddings interface deals in number[][]; converted before anything is timed.
  const embeddings = new PrecomputedEmbeddings(rows.map((row) => Array.from(row)));
  const docs = corpus.chunks.map((c) => new Document({ pageContent: c.text, metadata: { id: c.id, source: c.source, start: c.start, end: c.end } }));
  const publish = await timed(async () => {
    const store = await HNSWLib.fromDocuments(docs, embeddings);
    await store.save(args.indexDir);
  });
  const load = await timed(() => HNSWLib.load(args.indexDir, embeddings));
  const store = load.value;
  const searchAll = async () => {
    const dense = percentiles(await timeEach(queries, (q) => store.similaritySearchVectorWithScore(q.vector, K)));
    const found: string[][] = [];
    for (const q of queries.slice(0, truth.length)) {
      found.push((await store.similaritySearchVectorWithScore(q.vector, K)).map(([doc]) => doc.metadata.id as string));
    }
    return { dense, recallAt10: recallAt(found, truth) };
  };
  const atDefaults = await searchAll();
  store.index.setEf(DEFAULT_HNSW.efSearch);
  const atOurEf = await searchAll();
  return {
    system: "langchain",
    size: args.size,
    publishMs: publish.ms,
    buildThroughput: Math.round(args.size / (publish.ms / 1000)),
    diskBytes: await folderBytes(args.indexDir),
    loadMs: load.ms,
    oneChangePublishMs: publish.ms,
    peakRssMiB: peakRssMiB(),
    ef: HNSWLIB_DEFAULT_EF,
    recallAt10: atDefaults.recallAt10,
    latency: { dense: atDefaults.dense },
    atOurEf,
  };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(dir, entry.name))).size;
  }
  return total;
}

await main();
