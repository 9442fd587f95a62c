/**
 * `npm run bench`: the performance benchmark, ours next to LangChain's
 * HNSWLib, written to docs/BENCHMARKS.md (between the bench markers) and
 * docs/benchmarks.json, with the command and the machine's facts.
 *
 *   npm run bench -- --sizes 1k,10k,100k --unique 2000 --http-seconds 30
 *
 * Steps: embedding throughput (pool vs one loop) → embed the unique chunks and
 * queries once (cached under .cache/bench) → per size, ours and LangChain in
 * separate processes → HTTP load on the largest size → report.
 * `--report-only` re-renders docs/BENCHMARKS.md from docs/benchmarks.json.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readFileSync, writeFileSync } from "node:fs";
import cliProgress from "cli-progress";
import { createLocalUseEmbedder } from "../src/embeddings/local-use.js";
import { runScript } from "./bench/child.js";
import { benchDataAvailable, loadBaseCorpus } from "./bench/dataset.js";
import type { EmbedThroughput } from "./bench/embed-throughput.js";
import { runHttpBenchmark } from "./bench/http-run.js";
import type { IndexRunArgs, IndexRunResult } from "./bench/index-run.js";
import type { LoadTimeArgs } from "./bench/load-time.js";
import { renderMarkdown, writeSection, type BenchRun, type MachineFacts } from "./bench/report.js";
import { benchVectors, CACHE_DIR } from "./bench/vector-cache.js";

const DOCS = path.resolve(import.meta.dirname, "../docs");
const FRESH_LOADS = 3;

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1k,10k,100k" },
    unique: { type: "string", default: "2000" },
    "http-seconds": { type: "string", default: "30" },
    "embed-sample": { type: "string", default: "96" },
    "skip-http": { type: "boolean", default: false },
    "skip-embedding": { type: "boolean", default: false },
    "report-only": { type: "boolean", default: false },
  },
});

const sizes = values.sizes.split(",").map(parseSize).sort((a, b) => a - b);
const unique = parseSize(values.unique);
const httpSeconds = Number(values["http-seconds"]);
const workers = os.availableParallelism();

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (e.g. 1k, 10k, 100k)`);
  return Math.round(Number(match[1]) * ({ k: 1e3, m: 1e6 }[match[2]!.toLowerCase()] ?? 1));
}

/** One line per step; a progress bar for the long embedding step when on a terminal. */
function step(label: string): void {
  console.log(`bench: ${label}`);
}

function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stdout.isTTY) {
    let lastTenth = -1;
    return {
      update(done, total) {
        const tenth = Math.floor((10 * done) / Math.max(1, total));
        if (tenth !== lastTenth) console.log(`bench: ${label} ${done}/${total}`);
        lastTenth = tenth;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} · {eta_formatted} left` }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

function machineFacts(): MachineFacts {
  const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: workers,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: load(),
    loadAverageAtEnd: [],
  };
}

async function main(): Promise<void> {
  if (values["report-only"]) {
    // Re-renders the Markdown from the last run's JSON (after a change to the report's wording).
    const run = JSON.parse(readFileSync(path.join(DOCS, "benchmarks.json"), "utf8")) as BenchRun;
    writeSection(path.join(DOCS, "BENCHMARKS.md"), renderMarkdown(run));
    return step("re-rendered docs/BENCHMARKS.md from docs/benchmarks.json");
  }
  if (!benchDataAvailable()) {
    console.error("bench: ../shared/bench-data is missing (SciFact and SQuAD files); nothing to measure");
    process.exit(1);
  }
  const machine = machineFacts();
  const base = loadBaseCorpus();
  const run: BenchRun = {
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    date: new Date().toISOString(),
    commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
    machine,
    uniqueChunks: Math.min(unique, base.chunks.length, Math.max(...sizes)),
    queries: base.queries.length,
    sizes: [],
  };

  if (!values["skip-embedding"]) {
    step(`embedding throughput: one loop vs ${workers} workers`);
    run.embedding = await runScript<EmbedThroughput>("scripts/bench/embed-throughput.ts", { sample: Number(values["embed-sample"]), workers });
    step(`  ${run.embedding.singleLoopChunksPerSecond} vs ${run.embedding.poolChunksPerSecond} chunks/s (${run.embedding.speedup}×)`);
  }

  step(`embedding ${run.uniqueChunks} unique chunks and ${run.queries} queries once (cache: ${path.relative(process.cwd(), CACHE_DIR)})`);
  const embedder = await createLocalUseEmbedder({ workers });
  const bar = progressBar("embedding chunks");
  await benchVectors(base, run.uniqueChunks, (texts) => embedder.embedDocuments(texts), (done, total) => bar.update(done, total));
  bar.stop();
  await embedder.close?.();

  for (const size of sizes) {
    const measure = (system: IndexRunArgs["system"]) => {
      step(`${size} chunks: ${system}`);
      return runScript<IndexRunResult>("scripts/bench/index-run.ts", {
        system,
        size,
        unique: run.uniqueChunks,
        indexDir: path.join(CACHE_DIR, `index-${system}-${size}`),
      } satisfies IndexRunArgs);
    };
    const ours = await measure("ours");
    const langchain = await measure("langchain");
    for (const result of [ours, langchain]) result.freshLoadMs = await freshLoadMs(result.system, path.join(CACHE_DIR, `index-${result.system}-${size}`));
    run.sizes.push({ size, ours, langchain });
    save(run);
    step(`  dense p50 ${ours.latency.dense.p50} vs ${langchain.latency.dense.p50} ms, recall ${ours.recallAt10} vs ${langchain.recallAt10}`);
  }

  const largest = sizes.at(-1);
  if (!values["skip-http"] && largest) {
    const result = await runHttpBenchmark({
      indexDir: path.join(CACHE_DIR, `index-ours-${largest}`),
      questions: base.httpQuestions,
      seconds: httpSeconds,
      onPhase: (label) => step(`HTTP at ${largest} chunks: ${label}`),
    });
    run.http = { ...result, size: largest, seconds: httpSeconds };
  }

  save(run);
  step("wrote docs/BENCHMARKS.md and docs/benchmarks.json");
}

/** Median of a few loads, each in a new process, as at a server's start-up. */
async function freshLoadMs(system: LoadTimeArgs["system"], indexDir: string): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < FRESH_LOADS; round++) times.push((await runScript<{ ms: number }>("scripts/bench/load-time.ts", { system, indexDir } satisfies LoadTimeArgs)).ms);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Writes what has been measured so far, so a long run that is stopped still leaves its figures. */
function save(run: BenchRun): void {
  run.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  writeFileSync(path.join(DOCS, "benchmarks.json"), `${JSON.stringify(run, null, 2)}\n`);
  writeSection(path.join(DOCS, "BENCHMARKS.md"), renderMarkdown(run));
}

await main();
