/**
 * @module keyword-index
 * BM25 over chunks, with the document title and heading path counted as a
 * boosted field (BM25F-style: boosted term frequencies share one length norm).
 * Serialisable as plain JSON so it is written with each index generation.
 */
import calibration from "./calibration.json" with { type: "json" };
import { terms } from "./tokenize.js";
import { topK } from "./top-k.js";

export interface Bm25Parameters {
  k1: number;
  b: number;
  /** How many body occurrences one title/heading occurrence is worth. */
  headingBoost: number;
}

/** Chosen by `npm run eval` on the SciFact train split (see docs/EVAL.md). */
export const DEFAULT_BM25: Bm25Parameters = calibration.bm25;

export interface KeywordDocument {
  id: string;
  text: string;
  heading: string;
}

export interface SerializedKeywordIndex {
  params: Bm25Parameters;
  ids: string[];
  lengths: number[];
  /** term → flat [docIndex, weightedTf, docIndex, weightedTf, …] */
  postings: Record<string, number[]>;
}

export interface KeywordHit {
  id: string;
  score: number;
}

export class KeywordIndex {
  private readonly averageLength: number;
  // Per-chunk score accumulator reused by every search (search is synchronous, so
  // no two searches share it at once); only the touched entries are reset.
  private readonly scores: Float64Array;

  private constructor(private readonly data: SerializedKeywordIndex) {
    const total = data.lengths.reduce((sum, l) => sum + l, 0);
    this.averageLength = data.lengths.length ? total / data.lengths.length : 1;
    this.scores = new Float64Array(data.ids.length);
  }

  static build(documents: KeywordDocument[], params: Bm25Parameters = DEFAULT_BM25): KeywordIndex {
    const postings: Record<string, number[]> = Object.create(null);
    const lengths: number[] = [];
    documents.forEach((doc, index) => {
      const tf = new Map<string, number>();
      const body = terms(doc.text);
      const heading = terms(doc.heading);
      for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of heading) tf.set(t, (tf.get(t) ?? 0) + params.headingBoost);
      lengths.push(body.length + heading.length * params.headingBoost);
      for (const [term, count] of tf) (postings[term] ??= []).push(index, count);
    });
    return new KeywordIndex({ params, ids: documents.map((d) => d.id), lengths, postings });
  }

  static fromJSON(data: SerializedKeywordIndex): KeywordIndex {
    return new KeywordIndex({ ...data, postings: Object.assign(Object.create(null), data.postings) });
  }

  toJSON(): SerializedKeywordIndex {
    return this.data;
  }

  get size(): number {
    return this.data.ids.length;
  }

  /** Number of chunks containing the (already stemmed) term. */
  documentFrequency(term: string): number {
    return (this.data.postings[term]?.length ?? 0) / 2;
  }

  /** Robertson–Spärck Jones IDF, floored at zero; unseen terms get the rarest possible IDF. */
  idf(term: string): number {
    const n = this.size;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The k best chunks by BM25, best first (equal scores: earlier chunk first). */
  search(query: string, k: number): KeywordHit[] {
    const { k1, b } = this.data.params;
    const { scores } = this;
    const matched: number[] = [];
    for (const term of new Set(terms(query))) {
      const list = this.data.postings[term];
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        const norm = tf + k1 * (1 - b + (b * this.data.lengths[doc]!) / this.averageLength);
        // Every contribution is positive (idf > 0, tf > 0), so 0 means "not matched yet".
        if (scores[doc] === 0) matched.push(doc);
        scores[doc]! += (idf * (tf * (k1 + 1))) / norm;
      }
    }
    const hits = topK(matched, scores, k).map((doc) => ({ id: this.data.ids[doc]!, score: scores[doc]! }));
    for (const doc of matched) scores[doc] = 0;
    return hits;
  }
}
