/**
 * `npm run bench:pgvector [-- --sizes 10k,100k --unique 2000 --queries 300 --ask-seconds 20 --database-url postgres://…]`:
 * the pgvector store next to the embedded one, at each size, on the same
 * cached vectors and queries as `npm run bench` (run that first: it fills the
 * vector cache). Each system is measured in a process of its own. Writes
 * docs/BENCHMARKS.md between the pgvector markers and docs/pgvector-benchmarks.json.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runScript } from "./bench/child.js";
import { startCluster } from "./pg/cluster.js";
import { createLocalUseEmbedder } from "../src/embeddings/local-use.js";
import { benchDataAvailable, loadBaseCorpus } from "./bench/dataset.js";
import type { LoadFigures } from "./bench/http-run.js";
import type { IndexRunArgs, IndexRunResult } from "./bench/index-run.js";
import type { PgvectorRunArgs, PgvectorRunResult } from "./bench/pgvector-run.js";
import { writeSection } from "./bench/report.js";
import type { Percentiles } from "./bench/stats.js";
import { benchVectors, CACHE_DIR } from "./bench/vector-cache.js";

const DOCS = path.resolve(import.meta.dirname, "../docs");
const MARKERS = { start: "<!-- pgvector:start -->", end: "<!-- pgvector:end -->" };
// The throw-away server's settings: memory for the HNSW build (the whole graph of 1M 512-d vectors, ≈ 2.5 GB, so the
// build never spills) and the working set, as one would give a database server on this 24 GiB machine; one parallel
// worker for index builds (2 cores, shared); durability on (fsync), as in production.
const BENCH_SERVER_SETTINGS = [
  "shared_buffers=4GB",
  "maintenance_work_mem=6GB",
  "effective_cache_size=12GB",
  "max_wal_size=16GB",
  "max_parallel_maintenance_workers=1",
];

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10k" },
    unique: { type: "string", default: "2000" },
    "database-url": { type: "string" },
    // Latency queries per size (default: all 624); large sizes take fewer, the first 200 still give recall@10.
    queries: { type: "string" },
    // /ask over HTTP with one and then two servers on the database, at the largest size only (0: skipped).
    "ask-seconds": { type: "string", default: "0" },
  },
});

interface PgBenchRun {
  command: string;
  date: string;
  commit: string;
  machine: { cpu: string; cores: number; loadAverage: number[] };
  sizes: { size: number; embedded: IndexRunResult; pgvector: PgvectorRunResult }[];
}

const sizeOf = (text: string) => Math.round(Number.parseFloat(text) * (text.trim().toLowerCase().endsWith("k") ? 1000 : 1));

async function main(): Promise<void> {
  if (!benchDataAvailable()) {
    console.error("bench:pgvector: ../shared/bench-data is missing (SciFact and SQuAD files); nothing to measure");
    process.exit(1);
  }
  const unique = sizeOf(values.unique);
  const run: PgBenchRun = {
    command: `npm run bench:pgvector -- ${process.argv.slice(2).join(" ")}`.trim(),
    date: new Date().toISOString(),
    commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
    machine: { cpu: os.cpus()[0]?.model.trim() ?? "unknown", cores: os.availableParallelism(), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    sizes: [],
  };
  // The real embedder's vectors of the unique chunks and queries, embedded once into the cache `npm run bench` shares.
  console.log("bench:pgvector: embedding the unique chunks and queries (once, cached)");
  const embedder = await createLocalUseEmbedder();
  await benchVectors(loadBaseCorpus(), unique, (texts) => embedder.embedDocuments(texts));
  await embedder.close?.();
  // Without --database-url: a throw-away PostgreSQL 15 cluster of our own (scripts/pg/start.sh), deleted at the end.
  const cluster = values["database-url"] ? undefined : await startCluster(BENCH_SERVER_SETTINGS);
  const databaseUrl = values["database-url"] ?? cluster!.url;
  try {
    await measureSizes(run, unique, databaseUrl);
  } finally {
    await cluster?.destroy();
  }
}

async function measureSizes(run: PgBenchRun, unique: number, databaseUrl: string): Promise<void> {
  const sizes = values.sizes.split(",").map(sizeOf);
  for (const size of sizes) {
    console.log(`bench:pgvector: ${size} chunks: embedded`);
    const embedded = await runScript<IndexRunResult>("scripts/bench/index-run.ts", {
      system: "ours",
      size,
      unique,
      queries: values.queries ? Number(values.queries) : undefined,
      // Not index-ours-<size>: `npm run bench` may be serving that one.
      indexDir: path.join(CACHE_DIR, `index-embedded-vs-pgvector-${size}`),
    } satisfies IndexRunArgs);
    console.log(`bench:pgvector: ${size} chunks: pgvector`);
    const pgvector = await runScript<PgvectorRunResult>("scripts/bench/pgvector-run.ts", {
      size,
      unique,
      queries: values.queries ? Number(values.queries) : undefined,
      databaseUrl,
      askSeconds: size === Math.max(...sizes) ? Number(values["ask-seconds"]) : 0,
    } satisfies PgvectorRunArgs);
    run.sizes.push({ size, embedded, pgvector });
    writeFileSync(path.join(DOCS, "pgvector-benchmarks.json"), `${JSON.stringify(run, null, 2)}\n`);
    writeSection(path.join(DOCS, "BENCHMARKS.md"), render(run), MARKERS);
  }
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const pair = (p: Percentiles) => `${ms(p.p50)} / ${ms(p.p99)}`;

function render(run: PgBenchRun): string {
  const lines = [
    "## PostgreSQL + pgvector next to the embedded store",
    "",
    `Command: \`${run.command}\` — run ${run.date} at commit \`${run.commit.slice(0, 10)}\` on ${run.machine.cores} × ${run.machine.cpu} ` +
      `(load average ${run.machine.loadAverage.join(", ")} at start: other work shared the machine). pgvector ran on a PostgreSQL 15 server ` +
      `on the same machine (scripts/pg/start.sh with ${BENCH_SERVER_SETTINGS.join(", ")}). ` +
      "Same vectors and queries as the main benchmark: unique chunks embedded by the real embedder, larger sizes made of sign-flipped " +
      "replicas of their vectors (scripts/bench/dataset.ts); latencies are retrieval alone (query vectors precomputed) over " +
      `${run.sizes[0]?.pgvector.latency.dense.n ?? 0} queries, k = 10, through ` +
      "the product's Retriever, chunk texts of the hits included; recall@10 is dense search against exact search.",
    "",
    "| chunks | store | ingest (chunks/s) | one-document publish (ms) | load (ms) | dense p50 / p99 (ms) | keyword p50 / p99 | hybrid p50 / p99 | recall@10 | peak RSS (MiB) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const { size, embedded: e, pgvector: p } of run.sizes) {
    lines.push(
      `| ${size.toLocaleString("en")} | embedded HNSW | ${e.buildThroughput} | ${e.oneChangePublishMs} | ${Math.round(e.loadMs)} | ${pair(e.latency.dense)} | ${e.latency.keyword ? pair(e.latency.keyword) : "–"} | ${e.latency.hybrid ? pair(e.latency.hybrid) : "–"} | ${e.recallAt10} | ${e.peakRssMiB} |`,
      `| ${size.toLocaleString("en")} | pgvector | ${p.ingestThroughput} | ${p.oneChangePublishMs} | ${p.loadMs} | ${pair(p.latency.dense)} | ${pair(p.latency.keyword)} | ${pair(p.latency.hybrid)} | ${p.recallAt10} | ${p.peakRssMiB} |`,
    );
  }
  lines.push(
    "",
    "A pgvector replica in a process of its own (scripts/bench/pg-replica-run.ts): connect and load the live generation, then serve 200 hybrid queries.",
    "",
    "| chunks | replica start-up (ms) | replica RSS after 200 queries (MiB) | replica hybrid p50 / p99 (ms) |",
    "| --- | --- | --- | --- |",
    ...run.sizes.map(({ size, pgvector: p }) => `| ${size.toLocaleString("en")} | ${p.replica.startupMs} | ${p.replica.rssMiB} | ${pair(p.replica.hybrid)} |`),
    "",
    ...renderAsk(run),
    "Ingest: embedded = HNSW + BM25 build and a checksummed generation written to disk; pgvector = one publish transaction (rows, " +
      "term statistics, HNSW and GIN index builds). Neither includes embedding, which costs the same for both (see the main benchmark). " +
      "One-document publish: the publish transaction, handed the live file records the build read to plan the change, as ingest does " +
      `(reading them took ${run.sizes.map(({ size, pgvector: p }) => `${ms(p.liveRecordsReadMs)} ms at ${size.toLocaleString("en")}`).join(", ")}, before the publish). ` +
      "pgvector's latencies are of the steady state: after the publishes the benchmark runs VACUUM (ANALYZE) on the tables, as autovacuum " +
      `would within minutes of a load (${run.sizes.map(({ size, pgvector: p }) => `${ms(p.vacuumMs / 1000)} s at ${size.toLocaleString("en")}`).join(", ")}), ` +
      "so that it does not run while queries are timed. " +
      "Peak RSS is the measuring process, which holds the whole benchmark corpus; a replica's own memory is the second table. " +
      "What changes at 10M chunks: docs/SCALING.md.",
  );
  return lines.join("\n");
}

/** /ask throughput of one and two servers on the database, where it was measured. */
function renderAsk(run: PgBenchRun): string[] {
  const measured = run.sizes.filter((s) => s.pgvector.ask);
  if (!measured.length) return [];
  const row = (size: number, servers: string, f: LoadFigures, rss: string) =>
    `| ${size.toLocaleString("en")} | ${servers} | ${f.requestsPerSecond} | ${f.latencyMs.p50} / ${f.latencyMs.p99} | ${f.non2xx + f.errors} | ${rss} |`;
  return [
    `\`/ask\` over HTTP on the same database: the real service (bundled model, extractive answers, default settings) in processes of their own, ` +
      `closed loop at 8 connections for ${values["ask-seconds"]} s per row, every question distinct (SciFact claims and SQuAD questions). ` +
      "Both servers run on this one 2-core machine, so they share its cores: the second row shows that the database is not what limits " +
      "the rate (the model is), not what a second machine adds.",
    "",
    "| chunks | servers | /ask req/s | latency p50 / p99 (ms) | non-2xx or errors | server RSS after start-up (MiB) |",
    "| --- | --- | --- | --- | --- | --- |",
    ...measured.flatMap(({ size, pgvector: { ask } }) => [
      row(size, "one", ask!.oneReplica, `${ask!.serverRssMiB[0]}`),
      row(size, "two (4 connections each)", ask!.twoReplicas, ask!.serverRssMiB.join(", ")),
    ]),
    "",
  ];
}

await main();
