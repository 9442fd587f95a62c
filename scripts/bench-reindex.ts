/**
 * `npm run bench:reindex`: what a re-ingest costs when nothing (or one file)
 * changed, next to a full ingest, on a 1,000-document corpus (SciFact abstracts
 * from ../shared/bench-data; generated text when that is absent). Writes its
 * section of docs/BENCHMARKS.md (between the `bench-reindex` markers).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embeddings/index.js";
import { buildIndex, type BuildReport } from "../src/ingest/build-index.js";
import { withIngestLock } from "../src/ingest/ingest-lock.js";
import { embeddedStore } from "../src/store/embedded/index.js";

const DOCUMENTS = 1000;
const NO_CHANGE_RUNS = 3;
const REPO_ROOT = path.resolve(import.meta.dirname, "..");
const SCIFACT = path.resolve(REPO_ROOT, "../shared/bench-data/beir-scifact/corpus.jsonl.gz");
const REPORT = path.join(REPO_ROOT, "docs/BENCHMARKS.md");
const START = "<!-- bench-reindex:start -->";
const END = "<!-- bench-reindex:end -->";

interface Row {
  run: string;
  ms: number;
  report?: BuildReport;
}

/** Title and text of the benchmark documents. */
function benchDocuments(): { title: string; text: string }[] {
  if (!existsSync(SCIFACT)) {
    console.warn(`${SCIFACT} is absent: using generated documents`);
    return Array.from({ length: DOCUMENTS }, (_, d) => ({
      title: `Generated report ${d}`,
      text: Array.from({ length: 12 }, (_, s) => `Report ${d} finding ${s}: sample ${d * 37 + s} measured ${(d * s) % 97} units at site ${s + d}.`).join(" "),
    }));
  }
  return gunzipSync(readFileSync(SCIFACT))
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .slice(0, DOCUMENTS)
    .map((line) => JSON.parse(line) as { title: string; text: string });
}

async function timed(run: string, work: () => Promise<BuildReport | void>): Promise<Row> {
  const started = performance.now();
  const report = (await work()) ?? undefined;
  const row = { run, ms: performance.now() - started, report };
  console.log(`${run}: ${(row.ms / 1000).toFixed(2)} s`);
  return row;
}

/** Wall time of `npm run ingest` as its own process: start-up and model load included. */
function ingestProcess(corpusDir: string, indexDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ingest exited with ${code}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function render(rows: Row[], documents: number, dataset: string): string {
  const full = rows[0]!.ms;
  const table = rows.map(({ run, ms, report }) => {
    const chunks = report ? `${report.chunks.embedded} / ${report.chunks.reused}` : "–";
    return `| ${run} | ${(ms / 1000).toFixed(2)} | ${((100 * ms) / full).toFixed(1)} % | ${chunks} |`;
  });
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  return [
    "## Reindexing: no-change and one-change re-ingest against a full ingest",
    "",
    `Command: \`npm run bench:reindex\` — run ${new Date().toISOString().slice(0, 16)}Z. ${documents.toLocaleString("en")} documents (${dataset}), ` +
      `${rows[0]!.report?.manifest.chunkCount.toLocaleString("en")} chunks, bundled embedder; ${os.cpus().length} cores, load average at the end ${load}.`,
    "",
    "| Run | Seconds | Share of the full ingest | Chunks embedded / reused |",
    "| --- | ---: | ---: | ---: |",
    ...table,
    "",
    "In-process runs time `buildIndex` with the model already loaded, in one process as `npm run ingest` would run it. A no-change run",
    "lists and hashes every file and compares with the live generation's source records, then publishes nothing. The last row is the",
    "whole `npm run ingest` process on an unchanged corpus: its time is mostly process start-up and loading the embedding model, a fixed",
    "cost that does not grow with the corpus. A one-file change embeds only that file's new chunks and writes one small segment; the",
    "rest of the index is hard-linked from the live generation, and the changed file's old chunks are marked deleted in their segment.",
    "Its time also covers reading, hashing and chunking every file of the corpus and reading the live segment back in (this process",
    "had not loaded it; a running server has). A load average above the core count means other work shared the CPU: every figure is",
    "then slower than on an idle machine, the full ingest (embedding-bound) most of all.",
  ].join("\n");
}

function writeSection(file: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const section = `${START}\n${body}\n${END}`;
  const at = current.indexOf(START);
  const until = current.indexOf(END);
  writeFileSync(file, at >= 0 && until > at ? current.slice(0, at) + section + current.slice(until + END.length) : `${current.trimEnd()}\n\n${section}\n`);
}

const config = loadConfig();
const dir = await mkdtemp(path.join(os.tmpdir(), "bench-reindex-"));
const corpusDir = path.join(dir, "corpus");
const indexDir = path.join(dir, "index");
const embedder = await createEmbedder(config);
try {
  const documents = benchDocuments();
  await mkdir(corpusDir, { recursive: true });
  for (const [i, doc] of documents.entries()) await writeFile(path.join(corpusDir, `doc-${String(i).padStart(4, "0")}.txt`), `${doc.title}\n\n${doc.text}\n`);
  const build = (full = false) => withIngestLock(indexDir, () => buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: config.retrieval.bm25 }), chunking: config.chunking, embedder, full }));

  const rows = [await timed("Full ingest (`--full`)", () => build(true))];
  const noChange: Row[] = [];
  for (let i = 0; i < NO_CHANGE_RUNS; i++) noChange.push(await timed(`No change, run ${i + 1}`, () => build()));
  rows.push({ ...noChange.find((r) => r.ms === median(noChange.map((n) => n.ms)))!, run: `No change (median of ${NO_CHANGE_RUNS})` });
  await appendFile(path.join(corpusDir, "doc-0000.txt"), "\nAn added closing sentence changes this one document.\n");
  rows.push(await timed("One file changed", () => build()));
  rows.push(await timed("No change, whole `npm run ingest` process", () => ingestProcess(corpusDir, indexDir)));

  writeSection(REPORT, render(rows, documents.length, existsSync(SCIFACT) ? "the first SciFact abstracts" : "generated"));
  console.log(`wrote ${path.relative(REPO_ROOT, REPORT)}`);
} finally {
  await embedder.close?.();
  await rm(dir, { recursive: true, force: true });
}
