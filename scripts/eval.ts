/**
 * `npm run eval [-- --only=seed,scifact,squad]`: measures retrieval and
 * abstention on the seed QA set, BEIR SciFact and SQuAD 2.0 with the
 * configured embedder; writes docs/EVAL.md and docs/eval-results.json, and
 * (for the bundled embedder) the chosen settings to src/retrieval/calibration.json.
 */
import "dotenv/config";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { MultiBar, Presets } from "cli-progress";
import { embeddingSimilarity } from "../src/answer/similarity.js";
import { chunkSentences } from "../src/answer/evidence.js";
import { loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embeddings/index.js";
import { LOCAL_USE_ID } from "../src/embeddings/local-use.js";
import { embeddingText } from "../src/ingest/build-index.js";
import type { Chunk } from "../src/core/types.js";
import { readSciFact, readSeedQa, readSquad, sciFactText } from "../src/eval/datasets.js";
import { cachedEmbedder } from "../src/embeddings/cached-embedder.js";
import { EmbeddingCache } from "../src/embeddings/embedding-cache.js";
import { type EvalResults, renderEvalMarkdown } from "../src/eval/report.js";
import { evaluateSciFact } from "../src/eval/scifact.js";
import { evaluateSeed, seedIndex } from "../src/eval/seed.js";
import { evaluateSquad, squadChunks, squadRecallByWeight } from "../src/eval/squad.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const BENCH = path.resolve(ROOT, "../shared/bench-data");
const only = new Set((process.argv.find((a) => a.startsWith("--only="))?.slice(7) ?? "seed,scifact,squad").split(","));

const started = performance.now();
const config = loadConfig();
// The shipped calibration, as the config read it: the starting point of what this run re-fits.
const { calibration } = config;
const base = await createEmbedder(config);
const cache = await EmbeddingCache.open(path.join(ROOT, ".cache/eval-embeddings"), base);
const embedder = cachedEmbedder(base, cache);
const similarity = embeddingSimilarity(embedder);
const bars = new MultiBar(
  { format: " {bar} {percentage}% | {value}/{total} | {stage}", hideCursor: true, clearOnComplete: false, noTTYOutput: true, notTTYSchedule: 15_000 },
  Presets.shades_classic,
);
const stage = (name: string) => {
  const bar = bars.create(1, 0, { stage: name });
  return (done: number, total: number) => {
    bar.setTotal(total);
    bar.update(done, { stage: name });
  };
};
const warm = async (name: string, texts: string[]) => {
  const todo = embedder.missing(texts).length;
  if (!todo) return;
  const tick = stage(`embed ${name} (${todo} not cached)`);
  await embedder.warm(texts, (done) => tick(done, todo));
};
const sentencesOf = (chunks: Chunk[]) => chunks.flatMap((c) => chunkSentences(c).map((s) => s.text));

const results: EvalResults = { command: `npm run eval${only.size < 3 ? ` -- --only=${[...only].join(",")}` : ""}`, generatedAt: "", embedder: base.id, durationSeconds: 0 };
let fusion = { fusion: config.retrieval.fusion, denseWeight: config.retrieval.denseWeight };
let bm25 = calibration.bm25;

const scifact = only.has("scifact") ? readSciFact(path.join(BENCH, "beir-scifact")) : undefined;
const squad = only.has("squad") ? readSquad(path.join(BENCH, "squad2-dev")) : undefined;
if (squad) {
  const chunks = squadChunks(squad.passages, config.chunking);
  await warm("SQuAD questions", squad.questions.map((q) => q.question));
  await warm("SQuAD chunks", chunks.map(embeddingText));
  await warm("SQuAD sentences", sentencesOf(chunks));
}
if (scifact) {
  await warm("SciFact queries", [...new Set([...scifact.train.keys(), ...scifact.test.keys()])].map((id) => scifact.queries.get(id)!));
  await warm("SciFact abstracts", scifact.documents.map(sciFactText));
  // The dense weight must suit technical abstracts and general prose alike: it is chosen on SciFact train and SQuAD fit articles together.
  const squadRecall = squad && ((weights: number[]) => squadRecallByWeight(squad, embedder, config.chunking, weights, stage("SQuAD fit-article recall@5 per dense weight")));
  results.scifact = await evaluateSciFact(scifact, embedder, stage, squadRecall || undefined);
  fusion = { fusion: results.scifact.chosen.fusion, denseWeight: results.scifact.chosen.denseWeight };
  bm25 = results.scifact.chosen.bm25;
}

let fitted = { ranking: calibration.ranking, confidence: calibration.confidence, abstainThreshold: calibration.abstainThreshold };
if (squad) {
  results.squad = await evaluateSquad(squad, embedder, { chunking: config.chunking, retriever: fusion, similarity, progress: stage });
  fitted = { ranking: results.squad.ranking, confidence: results.squad.confidence, abstainThreshold: results.squad.abstainThreshold };
}

const seed = only.has("seed") ? readSeedQa(path.resolve(ROOT, "../shared/eval/seed-qa.jsonl")) : undefined;
if (seed) {
  const snapshot = await seedIndex(config.corpusDir, config.chunking, embedder);
  await warm("seed sentences", sentencesOf(snapshot.chunks));
  results.seed = await evaluateSeed(seed, snapshot, embedder, { retriever: fusion, similarity, k: config.retrieval.topK, ...fitted });
}
bars.stop();
await base.close?.();

results.generatedAt = new Date().toISOString();
results.durationSeconds = (performance.now() - started) / 1000;
results.calibration = {
  note: calibration.note,
  embedder: base.id,
  ...fusion,
  bm25,
  abstainThreshold: round(fitted.abstainThreshold),
  ranking: fitted.ranking,
  confidence: { intercept: round(fitted.confidence.intercept), weights: mapValues(fitted.confidence.weights, round) },
};
writeFileSync(path.join(ROOT, "docs/eval-results.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(ROOT, "docs/EVAL.md"), renderEvalMarkdown(results));
// The shipped defaults are for the bundled embedder; another embedder's choice is written beside the report.
const calibrationFile = base.id === LOCAL_USE_ID ? path.join(ROOT, "src/retrieval/calibration.json") : path.join(ROOT, "docs", `calibration-${base.id.replace(/[^\w.-]+/g, "_")}.json`);
if (only.size === 3) writeFileSync(calibrationFile, `${JSON.stringify(results.calibration, null, 2)}\n`);
console.log(renderEvalMarkdown(results));
console.log(only.size === 3 ? `Calibration written to ${path.relative(ROOT, calibrationFile)}.` : "Partial run: calibration not written.");

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function mapValues<T extends Record<string, number>>(record: T, fn: (x: number) => number): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)])) as T;
}
