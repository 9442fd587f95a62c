/**
 * @module seed
 * The seed QA set over the repository's corpus, answered the way /ask answers
 * offline (retrieve → weigh evidence → abstain or quote sentences), with the
 * ranking weights and confidence model under evaluation passed in explicitly.
 */
import { answerConfidence, type ConfidenceModel } from "../answer/confidence.js";
import { type RankingWeights, type SentenceSimilarity, weighEvidence } from "../answer/evidence.js";
import { ExtractiveAnswerer } from "../answer/extractive.js";
import type { Embedder } from "../embeddings/types.js";
import { chunkDocument } from "../ingest/chunker.js";
import { loadCorpus } from "../ingest/load-corpus.js";
import type { ChunkingOptions } from "../ingest/types.js";
import { HybridRetriever, type RetrieverOptions } from "../retrieval/retriever.js";
import type { LoadedSnapshot } from "../core/types.js";
import type { SeedQuestion } from "./datasets.js";
import { memorySnapshot } from "./memory-index.js";

export interface SeedSettings {
  retriever: Omit<RetrieverOptions, "embedder">;
  similarity: SentenceSimilarity;
  ranking: RankingWeights;
  confidence: ConfidenceModel;
  abstainThreshold: number;
  k: number;
}

export interface SeedOutcome {
  id: string;
  answerable: boolean;
  abstained: boolean;
  confidence: number;
  /** 1-based position of the first cited passage holding the evidence; 0 when none does. */
  evidenceAt: number;
  keyword: boolean;
  answer: string;
}

export interface SeedReport {
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt3: number;
  keywordRate: number;
  abstainedUnanswerable: number;
  answeredAnswerable: number;
  outcomes: SeedOutcome[];
}

export async function seedIndex(corpusDir: string, chunking: ChunkingOptions, embedder: Embedder): Promise<LoadedSnapshot> {
  const corpus = await loadCorpus(corpusDir);
  return memorySnapshot(corpus.documents.flatMap((d) => chunkDocument(d, chunking)), embedder);
}

/** Case- and quote-insensitive containment, as the seed set's keywords are meant to be matched. */
export function containsKeyword(answer: string, keywords: string[]): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/[‘’ʼ`]/g, "'").replace(/[“”]/g, '"');
  return keywords.some((k) => fold(answer).includes(fold(k)));
}

export async function evaluateSeed(questions: SeedQuestion[], snapshot: LoadedSnapshot, embedder: Embedder, settings: SeedSettings): Promise<SeedReport> {
  const retriever = new HybridRetriever({ embedder, ...settings.retriever });
  const answerer = new ExtractiveAnswerer();
  const outcomes: SeedOutcome[] = [];
  for (const q of questions) {
    const hits = await retriever.retrieve(snapshot, q.question, { k: settings.k, mode: "hybrid" });
    const passages = hits.map((h, i) => ({ n: i + 1, chunk: h.chunk, score: h.score }));
    const evidence = await weighEvidence(q.question, passages, { idf: await snapshot.keywords.idfFor(q.question), similarity: settings.similarity, weights: settings.ranking });
    const confidence = answerConfidence(evidence, settings.confidence);
    const draft = confidence < settings.abstainThreshold ? undefined : await answerer.answer({ question: q.question, passages, evidence });
    const abstained = !draft || draft.abstained;
    const cited = abstained ? [] : draft.cited.map((n) => passages[n - 1]!.chunk.text);
    const answer = draft?.answer ?? "";
    outcomes.push({
      id: q.id,
      answerable: q.answerable,
      abstained,
      confidence,
      evidenceAt: q.evidence ? cited.findIndex((text) => text.includes(q.evidence!)) + 1 : 0,
      keyword: !abstained && containsKeyword(answer, q.answer_keywords ?? []),
      answer,
    });
  }
  const answerable = outcomes.filter((o) => o.answerable);
  const unanswerable = outcomes.filter((o) => !o.answerable);
  const rate = (list: SeedOutcome[], test: (o: SeedOutcome) => boolean) => (list.length ? list.filter(test).length / list.length : 0);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: rate(answerable, (o) => !o.abstained && o.evidenceAt === 1),
    hitAt3: rate(answerable, (o) => !o.abstained && o.evidenceAt >= 1 && o.evidenceAt <= 3),
    keywordRate: rate(answerable, (o) => o.keyword),
    abstainedUnanswerable: unanswerable.filter((o) => o.abstained).length,
    answeredAnswerable: answerable.filter((o) => !o.abstained).length,
    outcomes,
  };
}
