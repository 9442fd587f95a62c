/**
 * @module scifact
 * BEIR SciFact through the product: each abstract is a Markdown document (its
 * title the H1) loaded, chunked and indexed as any document is, and each test
 * query is searched as `POST /search` would search it. The product returns
 * chunks; a document ranks where its first chunk does (BEIR scores documents).
 *
 * Not by its chunks' scores together: over the test queries (scripts/exp, 2026-12-06), hybrid nDCG@10 was 0.665 by the
 * best chunk, 0.652 by the best plus 0.3 of the second, 0.633 by the two best summed and 0.518 by every chunk summed
 * (keyword search alone: 0.678, 0.679, 0.656, 0.586). An abstract's other chunks hold the claim's words by chance.
 * Nor with its whole text's BM25 added (λ · its score over the best abstract's): SciFact rose (hybrid test 0.665 →
 * 0.694 at λ = 1, the best on the train queries; keyword 0.678 → 0.692 at λ = 3), but as a prior under every chunk's
 * score it lost gold passages from the top 5 of the fit questions at every λ tried (at 0.1: NQ-open 96.2 → 95.9 %,
 * the small corpora's fit groups 93.3 → 92.5 %, SQuAD 93.8 → 93.7 %), so fitted with them it would be 0
 * (scripts/exp/scifact-doc.ts and doc-prior-qa.ts, 2026-12-07), and it would need document statistics in both stores.
 */
import type { SearchMode } from "../retrieval/types.js";
import type { Services } from "../services.js";
import type { SciFact } from "./datasets.js";
import { mean, ndcgAt, recallAt } from "./metrics.js";
import { indexedChunks } from "./product-path.js";
import { documentFile, type QaSet } from "./qa-sets.js";

export type Progress = (done: number, total: number) => void;

export interface RetrievalScores {
  ndcg10: number;
  recall100: number;
  queries: number;
}

export interface SciFactReport {
  chunks: number;
  documents: number;
  test: Record<SearchMode, RetrievalScores>;
}

// Chunks fetched per query: enough for 100 distinct abstracts in nearly every ranking.
const CHUNKS_PER_QUERY = 300;
const MODES: SearchMode[] = ["hybrid", "keyword", "dense"];

/** The abstracts as a set the product can index (no questions: SciFact is scored on retrieval). */
export function sciFactCorpus(data: SciFact): QaSet {
  return { name: "scifact", corpus: { documents: data.documents }, questions: [] };
}

export async function evaluateSciFact(data: SciFact, services: Services, progress?: Progress): Promise<SciFactReport> {
  const idOf = new Map(data.documents.map((d) => [documentFile(d.id), d.id]));
  const snapshot = services.ask.index.current;
  const scores = {} as Record<SearchMode, RetrievalScores>;
  let done = 0;
  for (const mode of MODES) {
    const ndcg: number[] = [];
    const recall: number[] = [];
    for (const [queryId, relevant] of data.test) {
      const hits = await services.ask.retriever.retrieve(snapshot, data.queries.get(queryId)!, { k: CHUNKS_PER_QUERY, mode });
      const ranked = [...new Set(hits.map((h) => idOf.get(h.chunk.source)!))];
      ndcg.push(ndcgAt(10, ranked, relevant));
      recall.push(recallAt(100, ranked, relevant));
      progress?.(++done, data.test.size * MODES.length);
    }
    scores[mode] = { ndcg10: mean(ndcg), recall100: mean(recall), queries: data.test.size };
  }
  return { chunks: indexedChunks(services).length, documents: data.documents.length, test: scores };
}
