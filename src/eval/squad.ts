/**
 * @module squad
 * SQuAD 2.0 (dev subset) through the product's own path: paragraphs are
 * chunked like any document, questions are retrieved in hybrid mode, the
 * evidence is weighed and the extractive answer picked. Three measurements:
 * retrieval recall of the gold paragraph, whether the first answer sentence
 * holds a gold answer, and abstention when only half of the articles (chosen
 * by a fixed seed) are indexed. Sentence-ranking weights and the confidence
 * model are fitted on half of the articles ("fit") and reported on the other
 * half ("check").
 */
import type { SentenceSimilarity } from "../answer/evidence.js";
import { type RankingWeights, weighEvidence, type SentenceEvidence } from "../answer/evidence.js";
import { CONFIDENCE_FEATURES, confidenceFeatures, type ConfidenceModel, answerConfidence } from "../answer/confidence.js";
import { pickSentences } from "../answer/extractive.js";
import type { Passage } from "../answer/types.js";
import type { Embedder } from "../embeddings/types.js";
import { chunkDocument } from "../ingest/chunker.js";
import type { ChunkingOptions } from "../ingest/types.js";
import type { Chunk, IndexSnapshot, LoadedSnapshot } from "../core/types.js";
import { HybridRetriever, type RetrieverOptions } from "../retrieval/retriever.js";
import type { Retriever } from "../retrieval/types.js";
import type { Squad, SquadPassage, SquadQuestion } from "./datasets.js";
import { chooseThreshold, fitLogistic } from "./logistic.js";
import { memorySnapshot } from "./memory-index.js";
import { auroc, mean, precisionRecall, type PrecisionRecall } from "./metrics.js";
import type { Progress } from "./scifact.js";

export const SPLIT_SEED = 5;
export const TOP_K = 5;
/** Share of out-of-corpus questions the threshold must abstain on (fit articles); above that, answering wins: 0.9 rather than 0.95 because paraphrased questions about indexed documents score just above the 0.95 threshold. */
export const ABSTAIN_RECALL_TARGET = 0.9;

/** Deterministic shuffle (mulberry32), so the article split is the same on every run. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface ArticleSplit {
  indexed: Set<string>;
  /** Articles whose questions fit the weights; the others check them. */
  fit: Set<string>;
}

/** Half of the articles are indexed; within each half, half of the articles are used for fitting. */
export function splitArticles(titles: string[], seed = SPLIT_SEED): ArticleSplit {
  const order = seededShuffle([...new Set(titles)].sort(), seed);
  const half = Math.ceil(order.length / 2);
  const indexed = order.slice(0, half);
  const heldOut = order.slice(half);
  const fitOf = (list: string[]) => list.slice(0, Math.ceil(list.length / 2));
  return { indexed: new Set(indexed), fit: new Set([...fitOf(indexed), ...fitOf(heldOut)]) };
}

/** Paragraphs as documents (source = paragraph id), chunked as ingest would. */
export function squadChunks(passages: SquadPassage[], chunking: ChunkingOptions): Chunk[] {
  return passages.flatMap((p) => chunkDocument({ source: p.id, title: p.title.replace(/_/g, " "), text: p.text, sections: [] }, chunking));
}

const articleOf = (passageId: string) => passageId.slice(0, passageId.lastIndexOf("#"));

interface Asked {
  question: SquadQuestion;
  passages: Passage[];
}

async function retrieveAll(snapshot: LoadedSnapshot, retriever: Retriever, questions: SquadQuestion[], progress?: Progress): Promise<Asked[]> {
  const out: Asked[] = [];
  for (const question of questions) {
    const hits = await retriever.retrieve(snapshot, question.question, { k: TOP_K, mode: "hybrid" });
    out.push({ question, passages: hits.map((h, i) => ({ n: i + 1, chunk: h.chunk, score: h.score })) });
    progress?.(out.length, questions.length);
  }
  return out;
}

async function evidenceFor(asked: Asked, snapshot: LoadedSnapshot, similarity: SentenceSimilarity, weights?: RankingWeights): Promise<SentenceEvidence[]> {
  return weighEvidence(asked.question.question, asked.passages, { idf: await snapshot.keywords.idfFor(asked.question.question), similarity, weights });
}

const holdsAnswer = (text: string, answers: string[]) => answers.some((a) => text.toLowerCase().includes(a.toLowerCase()));

async function answerSentenceRate(asked: Asked[], snapshot: LoadedSnapshot, similarity: SentenceSimilarity, weights?: RankingWeights): Promise<number> {
  const hits: number[] = [];
  for (const a of asked) {
    const first = pickSentences(await evidenceFor(a, snapshot, similarity, weights))[0];
    hits.push(first && holdsAnswer(first.text, a.question.answers) ? 1 : 0);
  }
  return mean(hits);
}

/** Sentence-ranking weights tried on the fit articles' answerable questions. */
export function rankingGrid(): RankingWeights[] {
  const grid: RankingWeights[] = [];
  for (const similarity of [0, 0.25, 0.5, 1])
    for (const passage of [0, 0.15, 0.3, 0.5])
      for (const contextCoverage of [0, 0.25]) grid.push({ coverage: 0.75, contextCoverage, similarity, passage, typeMismatch: 0.5 });
  return grid;
}

/** Gold-paragraph recall@5 of the fit articles' answerable questions, over all articles, for each dense weight. */
export async function squadRecallByWeight(data: Squad, embedder: Embedder, chunking: ChunkingOptions, weights: number[], progress?: Progress): Promise<number[]> {
  const split = splitArticles(data.passages.map((p) => p.title));
  const snapshot = await memorySnapshot(squadChunks(data.passages, chunking), embedder);
  const questions = data.questions.filter((q) => !q.impossible && split.fit.has(articleOf(q.passageId)));
  const recalls: number[] = [];
  for (const denseWeight of weights) {
    const asked = await retrieveAll(snapshot, new HybridRetriever({ embedder, denseWeight }), questions);
    recalls.push(mean(asked.map((a) => (a.passages.some((p) => p.chunk.source === a.question.passageId) ? 1 : 0))));
    progress?.(recalls.length, weights.length);
  }
  return recalls;
}

export interface AbstentionScores extends PrecisionRecall {
  auroc: number;
  questions: number;
}

export interface SquadReport {
  embedder: string;
  split: { seed: number; indexed: string[]; fit: string[] };
  recall: { at1: number; at5: number; questions: number };
  answerSentence: { fit: number; check: number; all: number; questions: number };
  ranking: RankingWeights;
  confidence: ConfidenceModel;
  abstainThreshold: number;
  abstention: { fit: AbstentionScores; check: AbstentionScores; all: AbstentionScores };
  /** Share of SQuAD's own unanswerable questions (about indexed articles) that were abstained. */
  impossibleAbstained: { rate: number; questions: number };
}

export interface SquadOptions {
  chunking: ChunkingOptions;
  retriever: Omit<RetrieverOptions, "embedder">;
  similarity: SentenceSimilarity;
  progress?: (stage: string) => Progress;
}

export async function evaluateSquad(data: Squad, embedder: Embedder, options: SquadOptions): Promise<SquadReport> {
  const { similarity, progress } = options;
  const split = splitArticles(data.passages.map((p) => p.title));
  const retriever = new HybridRetriever({ embedder, ...options.retriever });
  const answerable = data.questions.filter((q) => !q.impossible);

  // Retrieval and answer sentences over all articles.
  const full = await memorySnapshot(squadChunks(data.passages, options.chunking), embedder);
  const askedAll = await retrieveAll(full, retriever, answerable, progress?.("squad retrieve (all articles)"));
  const inTop = (a: Asked, k: number) => a.passages.slice(0, k).some((p) => p.chunk.source === a.question.passageId);
  const isFit = (q: SquadQuestion) => split.fit.has(articleOf(q.passageId));

  const fitAsked = askedAll.filter((a) => isFit(a.question));
  const tried: { weights: RankingWeights; rate: number }[] = [];
  const tick = progress?.("squad sentence ranking (fit articles)");
  for (const weights of rankingGrid()) {
    tried.push({ weights, rate: await answerSentenceRate(fitAsked, full, similarity, weights) });
    tick?.(tried.length, rankingGrid().length);
  }
  const ranking = tried.reduce((a, b) => (b.rate > a.rate ? b : a)).weights;

  // Abstention: only the indexed half is searchable.
  const half = await memorySnapshot(squadChunks(data.passages.filter((p) => split.indexed.has(p.title)), options.chunking), embedder);
  const askedHalf = await retrieveAll(half, retriever, data.questions, progress?.("squad retrieve (indexed half)"));
  const rows: { features: number[]; shouldAbstain: boolean; fit: boolean; impossibleIndexed: boolean; evidence: SentenceEvidence[] }[] = [];
  const tickHalf = progress?.("squad evidence (indexed half)");
  for (const a of askedHalf) {
    const evidence = await evidenceFor(a, half, similarity, ranking);
    const indexed = split.indexed.has(articleOf(a.question.passageId));
    const f = confidenceFeatures(evidence);
    rows.push({
      features: CONFIDENCE_FEATURES.map((name) => f[name]),
      shouldAbstain: !indexed,
      fit: isFit(a.question),
      impossibleIndexed: indexed && a.question.impossible,
      evidence,
    });
    tickHalf?.(rows.length, askedHalf.length);
  }
  // SQuAD's own unanswerable questions are reported apart: they are about indexed text, written to look answerable.
  const labelled = rows.filter((r) => !r.impossibleIndexed);
  const fitRows = labelled.filter((r) => r.fit);
  const fitted = fitLogistic(fitRows.map((r) => r.features), fitRows.map((r) => !r.shouldAbstain));
  const confidence: ConfidenceModel = {
    intercept: fitted.intercept,
    weights: Object.fromEntries(CONFIDENCE_FEATURES.map((name, j) => [name, fitted.weights[j]!])) as ConfidenceModel["weights"],
  };
  const scored = rows.map((r) => ({ ...r, score: answerConfidence(r.evidence, confidence) }));
  const abstainThreshold = chooseThreshold(
    scored.filter((r) => !r.impossibleIndexed && r.fit).map((r) => ({ score: r.score, positive: r.shouldAbstain })),
    ABSTAIN_RECALL_TARGET,
  );
  const abstentionOf = (subset: typeof scored): AbstentionScores => ({
    ...precisionRecall(subset.map((r) => ({ predicted: r.score < abstainThreshold, positive: r.shouldAbstain }))),
    auroc: auroc(subset.map((r) => ({ score: r.score, positive: !r.shouldAbstain }))),
    questions: subset.length,
  });
  const scoredLabelled = scored.filter((r) => !r.impossibleIndexed);
  const impossible = scored.filter((r) => r.impossibleIndexed);

  const checkAsked = askedAll.filter((a) => !isFit(a.question));
  const fitRate = tried.find((t) => t.weights === ranking)!.rate;
  const checkRate = await answerSentenceRate(checkAsked, full, similarity, ranking);
  return {
    embedder: embedder.id,
    split: { seed: SPLIT_SEED, indexed: [...split.indexed].sort(), fit: [...split.fit].sort() },
    recall: { at1: mean(askedAll.map((a) => (inTop(a, 1) ? 1 : 0))), at5: mean(askedAll.map((a) => (inTop(a, 5) ? 1 : 0))), questions: askedAll.length },
    answerSentence: {
      fit: fitRate,
      check: checkRate,
      all: (fitRate * fitAsked.length + checkRate * checkAsked.length) / askedAll.length,
      questions: askedAll.length,
    },
    ranking,
    confidence,
    abstainThreshold,
    abstention: {
      fit: abstentionOf(scoredLabelled.filter((r) => r.fit)),
      check: abstentionOf(scoredLabelled.filter((r) => !r.fit)),
      all: abstentionOf(scoredLabelled),
    },
    impossibleAbstained: { rate: mean(impossible.map((r) => (r.score < abstainThreshold ? 1 : 0))), questions: impossible.length },
  };
}
