/**
 * @module keyword-index
 * BM25 search over immutable segments (keyword-segment.ts) with deletions:
 * the scores are exactly those of one segment built over the live documents,
 * since N, the average length and document frequencies count live documents
 * only. What the embedded store serves, and what the eval builds in memory.
 */
import type { Hit, KeywordDocument, KeywordSearch } from "../core/types.js";
import { type Bm25Parameters, bm25Idf, bm25LengthNorm, bm25TermScore, sameBm25Parameters } from "./bm25.js";
import { KeywordSegment, type SegmentPostings } from "./keyword-segment.js";
import { terms } from "./tokenize.js";
import { topK } from "./top-k.js";

export interface KeywordSegmentPart {
  segment: KeywordSegment;
  /** Labels of the segment's documents that are no longer live (their chunk was replaced or removed). */
  deleted?: ReadonlySet<number>;
}

/** A part prepared for search: deletions as a mask, length norms for the combined average, and scratch space. */
interface LivePart {
  segment: KeywordSegment;
  postings: SegmentPostings;
  /** 1 for a deleted label; undefined when nothing is deleted (the common case skips the check). */
  deleted: Uint8Array | undefined;
  /**
   * Per term number, how many of its postings are deleted (document frequencies
   * count live documents only); counted on a term's first use, since a scan of
   * every posting list would cost tens of ms at each publish at 100k chunks.
   */
  deletedPostings: Map<number, number>;
  /** k1·(1 − b + b·length/averageLength) per label: the document half of the BM25 denominator. */
  lengthNorm: Float64Array;
  // Score accumulator reused by every search (search is synchronous, so no two
  // searches share it at once); only the touched labels are reset.
  scores: Float64Array;
  touched: Uint32Array;
}

export class KeywordIndex implements KeywordSearch {
  private constructor(
    /** BM25's k1, shared by all parts; irrelevant without parts (nothing is scored). */
    private readonly k1: number,
    private readonly parts: readonly LivePart[],
    private readonly liveCount: number,
  ) {}

  /** One segment over `documents`, nothing deleted (what the eval and small in-memory indexes use). */
  static build(documents: readonly KeywordDocument[], params: Bm25Parameters): KeywordIndex {
    return KeywordIndex.of([{ segment: KeywordSegment.build(documents, params) }]);
  }

  /**
   * BM25 over the live documents of all parts, exactly as if built over them:
   * N, average length and document frequencies count live documents only.
   * Parts must share params (throw otherwise).
   */
  static of(parts: readonly KeywordSegmentPart[]): KeywordIndex {
    const params = parts[0]?.segment.params;
    parts.forEach(({ segment }, i) => {
      if (!params) return;
      const p = segment.params;
      if (!sameBm25Parameters(p, params)) {
        throw new Error(`keyword segments must share BM25 parameters: part ${i} has ${JSON.stringify(p)}, part 0 has ${JSON.stringify(params)}`);
      }
    });
    const masks = parts.map((part, i) => deletionMask(part, i));
    // Summed in the same order as build() over the live documents would, so scores are bit-identical.
    let liveCount = 0;
    let totalLength = 0;
    parts.forEach(({ segment }, i) => {
      const { lengths } = segment.postings;
      const deleted = masks[i];
      for (let label = 0; label < lengths.length; label++) {
        if (deleted?.[label]) continue;
        liveCount++;
        totalLength += lengths[label]!;
      }
    });
    const averageLength = liveCount ? totalLength / liveCount : 1;
    const live = parts.map(({ segment }, i): LivePart => {
      const { postings } = segment;
      const lengthNorm = new Float64Array(segment.size);
      for (let label = 0; label < lengthNorm.length; label++) lengthNorm[label] = bm25LengthNorm(segment.params, postings.lengths[label]!, averageLength);
      const deleted = masks[i];
      return {
        segment,
        postings,
        deleted,
        deletedPostings: new Map(),
        lengthNorm,
        scores: new Float64Array(segment.size),
        touched: new Uint32Array(segment.size),
      };
    });
    return new KeywordIndex(params?.k1 ?? 0, live, liveCount);
  }

  /** Live documents. */
  get size(): number {
    return this.liveCount;
  }

  /** Live documents containing the (already stemmed) term. */
  documentFrequency(term: string): number {
    let df = 0;
    for (const part of this.parts) {
      const t = part.postings.termNumbers.get(term);
      if (t !== undefined) df += liveFrequency(part, t);
    }
    return df;
  }

  /** Robertson–Spärck Jones IDF, floored at zero; unseen terms get the rarest possible IDF. */
  /** The whole index is in memory: every term's IDF is at hand, whatever the query. */
  async idfFor(_query: string): Promise<(term: string) => number> {
    return (term) => this.idf(term);
  }

  idf(term: string): number {
    return this.idfOf(this.documentFrequency(term));
  }

  /** The k best live documents by BM25, best first; equal scores: earlier part first, then lower label. */
  search(query: string, k: number): Hit[] {
    const { parts } = this;
    const { k1 } = this;
    const termNumbers: (number | undefined)[] = new Array(parts.length);
    const touchedCounts: number[] = new Array(parts.length).fill(0);
    for (const term of new Set(terms(query))) {
      let df = 0;
      for (let i = 0; i < parts.length; i++) {
        const t = (termNumbers[i] = parts[i]!.postings.termNumbers.get(term));
        if (t !== undefined) df += liveFrequency(parts[i]!, t);
      }
      if (df === 0) continue;
      const idf = this.idfOf(df);
      for (let i = 0; i < parts.length; i++) {
        const t = termNumbers[i];
        if (t !== undefined) touchedCounts[i] = accumulate(parts[i]!, t, idf, k1, touchedCounts[i]!);
      }
    }
    const ranked: { part: number; label: number; score: number }[] = [];
    for (let i = 0; i < parts.length; i++) {
      const { scores, touched } = parts[i]!;
      const candidates = touched.subarray(0, touchedCounts[i]);
      for (const label of topK(candidates, scores, k)) ranked.push({ part: i, label, score: scores[label]! });
      for (let c = 0; c < candidates.length; c++) scores[candidates[c]!] = 0;
    }
    // Each part's list is already in order; across parts the earlier part wins ties, as one segment built over all would.
    const best = parts.length > 1 ? ranked.sort((x, y) => y.score - x.score || x.part - y.part || x.label - y.label).slice(0, Math.max(0, k)) : ranked;
    return best.map(({ part, label, score }) => ({ id: parts[part]!.segment.ids[label]!, score }));
  }

  private idfOf(df: number): number {
    return bm25Idf(this.liveCount, df);
  }
}

/** Adds term `t`'s BM25 contributions to the part's scores; returns the new number of touched labels. */
function accumulate(part: LivePart, t: number, idf: number, k1: number, touchedCount: number): number {
  const { starts, labels, weights } = part.postings;
  const { deleted, lengthNorm, scores, touched } = part;
  const end = starts[t + 1]!;
  let count = touchedCount;
  for (let i = starts[t]!; i < end; i++) {
    const label = labels[i]!;
    if (deleted !== undefined && deleted[label] === 1) continue;
    const tf = weights[i]!;
    // Every contribution is positive (idf > 0, tf > 0), so 0 means "not matched yet".
    if (scores[label] === 0) touched[count++] = label;
    scores[label]! += bm25TermScore(idf, tf, k1, lengthNorm[label]!);
  }
  return count;
}

function liveFrequency(part: LivePart, t: number): number {
  const { starts, labels } = part.postings;
  const [start, end] = [starts[t]!, starts[t + 1]!];
  if (!part.deleted) return end - start;
  let deleted = part.deletedPostings.get(t);
  if (deleted === undefined) {
    deleted = 0;
    for (let i = start; i < end; i++) deleted += part.deleted[labels[i]!]!;
    part.deletedPostings.set(t, deleted);
  }
  return end - start - deleted;
}

function deletionMask({ segment, deleted }: KeywordSegmentPart, partIndex: number): Uint8Array | undefined {
  if (!deleted?.size) return undefined;
  const mask = new Uint8Array(segment.size);
  for (const label of deleted) {
    if (!Number.isInteger(label) || label < 0 || label >= segment.size) {
      throw new RangeError(`part ${partIndex} deletes label ${label}, but its segment has labels 0..${segment.size - 1}`);
    }
    mask[label] = 1;
  }
  return mask;
}
