/**
 * @module scifact
 * BEIR SciFact retrieval: every abstract is one chunk (title as its heading,
 * "title. text" embedded), each query is ranked over all 5,183 abstracts in
 * dense, keyword and hybrid mode, and scored with nDCG@10 and recall@100.
 * Fusion settings are chosen on the train qrels and only then run on test.
 */
import type { Embedder } from "../embeddings/types.js";
import type { Chunk, IndexSnapshot, LoadedSnapshot } from "../core/types.js";
import type { Bm25Parameters } from "../retrieval/bm25.js";
import { HybridRetriever, type RetrieverOptions } from "../retrieval/retriever.js";
import type { SearchMode } from "../retrieval/types.js";
import { type Qrels, type SciFact, sciFactText } from "./datasets.js";
import { keywordIndexOf, memorySnapshot, withKeywords } from "./memory-index.js";
import { mean, ndcgAt, recallAt } from "./metrics.js";

export interface RetrievalScores {
  ndcg10: number;
  recall100: number;
  queries: number;
}

export interface Variant {
  label: string;
  mode: SearchMode;
  retriever: Omit<RetrieverOptions, "embedder">;
}

export type Progress = (done: number, total: number) => void;

/** Builds the in-memory index over the abstracts (embedding through the given, usually cached, embedder). */
export function sciFactIndex(data: Pick<SciFact, "documents">, embedder: Embedder): Promise<LoadedSnapshot> {
  const chunks: Chunk[] = data.documents.map((d) => ({ id: d.id, source: d.id, title: d.title, headingPath: [], text: d.text, start: 0, end: d.text.length }));
  return memorySnapshot(chunks, embedder, { embedText: sciFactText });
}

/** Mean nDCG@10 and recall@100 of one retrieval variant over the queries in `qrels`. */
export async function scoreVariant(
  snapshot: LoadedSnapshot,
  embedder: Embedder,
  queries: Map<string, string>,
  qrels: Qrels,
  variant: Variant,
  progress?: Progress,
): Promise<RetrievalScores> {
  const retriever = new HybridRetriever({ embedder, ...variant.retriever });
  const ndcg: number[] = [];
  const recall: number[] = [];
  let done = 0;
  for (const [queryId, relevant] of qrels) {
    const hits = await retriever.retrieve(snapshot, queries.get(queryId)!, { k: 100, mode: variant.mode });
    const ranked = hits.map((h) => h.chunk.source);
    ndcg.push(ndcgAt(10, ranked, relevant));
    recall.push(recallAt(100, ranked, relevant));
    progress?.(++done, qrels.size);
  }
  return { ndcg10: mean(ndcg), recall100: mean(recall), queries: qrels.size };
}

/** BM25 parameter settings tried on the train split (k1/b pairs from Lucene and the BEIR paper; heading boosts). */
export const BM25_GRID: Bm25Parameters[] = [
  { k1: 0.9, b: 0.4, headingBoost: 1 },
  { k1: 0.9, b: 0.4, headingBoost: 2 },
  { k1: 1.2, b: 0.75, headingBoost: 1 },
  { k1: 1.2, b: 0.75, headingBoost: 2 },
  { k1: 1.2, b: 0.75, headingBoost: 3 },
  { k1: 1.5, b: 0.75, headingBoost: 2 },
];

/** Dense weights tried for weighted fusion; 0 is keyword-only, so the choice is never worse than it on train. */
export const DENSE_WEIGHT_GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6];

export interface SciFactReport {
  embedder: string;
  bm25Tried: { params: Bm25Parameters; trainNdcg10: number }[];
  weightsTried: { denseWeight: number; trainNdcg10: number; otherTrainScore?: number }[];
  rrfTrainNdcg10: number;
  chosen: { bm25: Bm25Parameters; fusion: "weighted" | "rrf"; denseWeight: number };
  test: Record<"dense" | "keyword" | "hybrid" | "hybridRrf", RetrievalScores>;
}

/**
 * Training-split scores of another benchmark for each dense weight (e.g. SQuAD
 * recall@5 on its fit articles), so that the weight suits more than one kind
 * of text; the weight with the best mean of both is chosen.
 */
export type OtherTrainScores = (weights: number[]) => Promise<number[]>;

export async function evaluateSciFact(
  data: SciFact,
  embedder: Embedder,
  progress?: (stage: string) => Progress,
  otherTrainScores?: OtherTrainScores,
): Promise<SciFactReport> {
  const base = await sciFactIndex(data, embedder);
  const keyword = (bm25: Bm25Parameters) => withKeywords(base, keywordIndexOf(base.chunks, bm25));

  // 1. BM25 parameters, on train only.
  const bm25Tried: SciFactReport["bm25Tried"] = [];
  for (const params of BM25_GRID) {
    const label = `train bm25 k1=${params.k1} b=${params.b} boost=${params.headingBoost}`;
    const scores = await scoreVariant(keyword(params), embedder, data.queries, data.train, { label, mode: "keyword", retriever: { denseWeight: 0 } }, progress?.(label));
    bm25Tried.push({ params, trainNdcg10: scores.ndcg10 });
  }
  const bm25 = bm25Tried.reduce((a, b) => (b.trainNdcg10 > a.trainNdcg10 ? b : a)).params;
  const snapshot = keyword(bm25);

  // 2. Fusion weight, on train only.
  const weightsTried: SciFactReport["weightsTried"] = [];
  for (const denseWeight of DENSE_WEIGHT_GRID) {
    const label = `train hybrid w=${denseWeight}`;
    const scores = await scoreVariant(snapshot, embedder, data.queries, data.train, { label, mode: "hybrid", retriever: { denseWeight } }, progress?.(label));
    weightsTried.push({ denseWeight, trainNdcg10: scores.ndcg10 });
  }
  const other = otherTrainScores ? await otherTrainScores(DENSE_WEIGHT_GRID) : undefined;
  other?.forEach((score, i) => (weightsTried[i]!.otherTrainScore = score));
  const trainScore = (w: SciFactReport["weightsTried"][number]) => (w.otherTrainScore === undefined ? w.trainNdcg10 : (w.trainNdcg10 + w.otherTrainScore) / 2);
  const bestWeighted = weightsTried.reduce((a, b) => (trainScore(b) > trainScore(a) ? b : a));
  const rrf = await scoreVariant(snapshot, embedder, data.queries, data.train, { label: "rrf", mode: "hybrid", retriever: { denseWeight: 0, fusion: "rrf" } }, progress?.("train hybrid rrf"));
  const fusion = rrf.ndcg10 > bestWeighted.trainNdcg10 ? "rrf" : "weighted";
  const chosen = { bm25, fusion, denseWeight: bestWeighted.denseWeight } as const;

  // 3. Test, once per mode.
  const run = (label: string, mode: SearchMode, retriever: Variant["retriever"]) =>
    scoreVariant(snapshot, embedder, data.queries, data.test, { label, mode, retriever }, progress?.(label));
  return {
    embedder: embedder.id,
    bm25Tried,
    weightsTried,
    rrfTrainNdcg10: rrf.ndcg10,
    chosen,
    test: {
      dense: await run("test dense", "dense", { denseWeight: 1 }),
      keyword: await run("test keyword", "keyword", { denseWeight: 0 }),
      hybrid: await run("test hybrid", "hybrid", { denseWeight: chosen.denseWeight, fusion: chosen.fusion }),
      hybridRrf: await run("test hybrid rrf", "hybrid", { denseWeight: 0, fusion: "rrf" }),
    },
  };
}
