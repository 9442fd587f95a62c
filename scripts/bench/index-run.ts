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
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import { Embeddings } from "@langchain/core/embeddings";
import { keywordDocument } from "../../src/ingest/build-index.js";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import { KeywordIndex } from "../../src/retrieval/keyword-index.js";
import { currentGeneration, loadGeneration, publishGeneration } from "../../src/store/generations.js";
import { DEFAULT_HNSW, HnswStore } from "../../src/store/hnsw-store.js";
import { CHUNKING, rowOf, type SizedCorpus } from "./dataset.js";
import { recallAt } from "./exact-search.js";
import { peakRssMiB, percentiles, timed, timeEach, type Percentiles } from "./stats.js";
import { DIMENSION } from "./vector-cache.js";
import { benchWorkload, K, measureRetrieval, type BenchQuery } from "./workload.js";

export interface IndexRunArgs {
  system: "ours" | "langchain";
  size: number;
  unique: number;
  /** Where the index is written; kept afterwards (the HTTP step serves it). */
  indexDir: string;
}

export interface IndexRunResult {
  system: IndexRunArgs["system"];
  size: number;
  /** In-memory index construction from ready vectors (ours: HNSW + BM25; LangChain: HNSW + docstore). */
  buildMs: number;
  /** The HNSW part of buildMs (LangChain: all of it). */
  vectorBuildMs: number;
  /** Writing the index to disk (ours: a checksummed generation, fsynced; LangChain: save()). */
  writeMs: number;
  /** Chunks per second over build + write. */
  buildThroughput: number;
  diskBytes: number;
  /** Reading the index back as a server does at start-up (ours includes the checksum verification). */
  loadMs: number;
  peakRssMiB: number;
  ef: number;
  recallAt10: number;
  latency: { dense: Percentiles; rawHnsw?: Percentiles; keyword?: Percentiles; hybrid?: Percentiles };
}

// LangChain's HNSWLib never calls setEf: hnswlib-node's default applies.
const HNSWLIB_DEFAULT_EF = 10;

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as IndexRunArgs;
  const { corpus, queries, truth } = await benchWorkload(args.size, args.unique);
  const rows = corpus.chunks.map((_, i) => rowOf(corpus.vectors, DIMENSION, i));
  await rm(args.indexDir, { recursive: true, force: true });
  const result = args.system === "ours" ? await measureOurs(args, corpus, rows, queries, truth) : await measureLangChain(args, corpus, rows, queries, truth);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}


async function measureOurs(args: IndexRunArgs, corpus: SizedCorpus, rows: number[][], queries: BenchQuery[], truth: string[][]): Promise<IndexRunResult> {
  const ids = corpus.chunks.map((c) => c.id);
  const vectors = await timed(() => HnswStore.build(ids, rows, DIMENSION));
  const keywords = await timed(() => KeywordIndex.build(corpus.chunks.map(keywordDocument)));
  const write = await timed(() =>
    publishGeneration(args.indexDir, {
      manifest: { embedder: { id: LOCAL_USE_ID, dimension: DIMENSION }, space: "cosine", chunking: CHUNKING, hnsw: DEFAULT_HNSW, files: [] },
      chunks: corpus.chunks,
      documents: corpus.documents,
      vectors: vectors.value,
      keywords: keywords.value,
    }),
  );
  const generation = (await currentGeneration(args.indexDir))!;
  const load = await timed(() => loadGeneration(args.indexDir, generation, { id: LOCAL_USE_ID, dimension: DIMENSION }));

  const { latency, recallAt10 } = await measureRetrieval(load.value, { corpus, queries, truth });
  return {
    system: "ours",
    size: args.size,
    buildMs: vectors.ms + keywords.ms,
    vectorBuildMs: vectors.ms,
    writeMs: write.ms,
    buildThroughput: Math.round(args.size / ((vectors.ms + keywords.ms + write.ms) / 1000)),
    diskBytes: await folderBytes(path.join(args.indexDir, generation)),
    loadMs: load.ms,
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

async function measureLangChain(args: IndexRunArgs, corpus: SizedCorpus, rows: number[][], queries: BenchQuery[], truth: string[][]): Promise<IndexRunResult> {
  const embeddings = new PrecomputedEmbeddings(rows);
  const docs = corpus.chunks.map((c) => new Document({ pageContent: c.text, metadata: { id: c.id, source: c.source, start: c.start, end: c.end } }));
  const build = await timed(() => HNSWLib.fromDocuments(docs, embeddings));
  const write = await timed(() => build.value.save(args.indexDir));
  const load = await timed(() => HNSWLib.load(args.indexDir, embeddings));
  const store = load.value;
  const dense = percentiles(await timeEach(queries, (q) => store.similaritySearchVectorWithScore(q.vector, K)));
  const found: string[][] = [];
  for (const q of queries.slice(0, truth.length)) {
    found.push((await store.similaritySearchVectorWithScore(q.vector, K)).map(([doc]) => doc.metadata.id as string));
  }
  return {
    system: "langchain",
    size: args.size,
    buildMs: build.ms,
    vectorBuildMs: build.ms,
    writeMs: write.ms,
    buildThroughput: Math.round(args.size / ((build.ms + write.ms) / 1000)),
    diskBytes: await folderBytes(args.indexDir),
    loadMs: load.ms,
    peakRssMiB: peakRssMiB(),
    ef: HNSWLIB_DEFAULT_EF,
    recallAt10: recallAt(found, truth),
    latency: { dense },
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
