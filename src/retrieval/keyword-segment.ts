/**
 * @module keyword-segment
 * An immutable BM25 segment, Lucene-style: the postings of some documents in a
 * few typed arrays. A changed document goes into a new small segment and its
 * old chunks are only marked deleted in the old one, so a generation can
 * publish without rebuilding the postings of 100k unchanged chunks; search
 * across segments is keyword-index.ts, the file format sits with the embedded
 * store (store/embedded/keyword-segment-file.ts).
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { KeywordDocument } from "../core/types.js";
import { type Bm25Parameters, termWeights } from "./bm25.js";

/**
 * A segment's postings. Term `t`'s postings are entries `starts[t]` up to
 * `starts[t + 1]` of `labels` (ascending) and `weights` (boosted term frequency
 * in that document). A label is a document's position in build order.
 */
export type PostingWeights = Uint8Array | Float32Array | Float64Array;

export interface SegmentPostings {
  readonly terms: readonly string[];
  readonly termNumbers: ReadonlyMap<string, number>;
  readonly starts: Uint32Array;
  readonly labels: Uint32Array;
  /**
   * The smallest type that holds every weight exactly: bytes when they are
   * small integers (an integer heading boost), else float32 or float64, so
   * the storage never changes a score.
   */
  readonly weights: PostingWeights;
  /** Document lengths with the heading boost applied, by label. */
  readonly lengths: Float64Array;
}

/** One immutable BM25 segment: the postings of some documents in typed arrays. */
export class KeywordSegment {
  /** Takes postings as built (or as read back by the embedded store's keyword-segment-file.ts); `build` makes them. */
  constructor(
    readonly params: Bm25Parameters,
    /** Chunk id of each label; label = position in build order. */
    readonly ids: readonly string[],
    /** The layout KeywordIndex searches and the embedded store writes. */
    readonly postings: SegmentPostings,
  ) {}

  /** Documents in the segment, deleted or not (deletions belong to a KeywordSegmentPart). */
  get size(): number {
    return this.ids.length;
  }

  static build(documents: readonly KeywordDocument[], params: Bm25Parameters): KeywordSegment {
    const builder = new SegmentBuilder(documents.length, params);
    documents.forEach((doc, label) => builder.add(doc, label));
    return new KeywordSegment(params, documents.map((d) => d.id), builder.finish());
  }

  /**
   * The same segment as `build`, tokenised in slices of about `sliceMs` with the
   * event loop served in between: a whole-index build (~8 s of tokenising at
   * 100k chunks) must not hold up requests while a server reindexes.
   */
  static async buildInSlices(documents: readonly KeywordDocument[], params: Bm25Parameters, sliceMs = 10): Promise<KeywordSegment> {
    const builder = new SegmentBuilder(documents.length, params);
    let sliceStart = performance.now();
    for (let label = 0; label < documents.length; label++) {
      builder.add(documents[label]!, label);
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    return new KeywordSegment(params, documents.map((d) => d.id), builder.finish());
  }
}

/** A segment under construction, one document at a time in label order. */
class SegmentBuilder {
  private readonly termNumbers = new Map<string, number>();
  private readonly entries = new PostingEntries();
  private readonly lengths: Float64Array;
  // One map reused for every document's term frequencies: a new one per chunk is 100k allocations.
  private readonly tf = new Map<string, number>();

  constructor(
    size: number,
    private readonly params: Bm25Parameters,
  ) {
    this.lengths = new Float64Array(size);
  }

  add(doc: KeywordDocument, label: number): void {
    const { tf, params } = this;
    this.lengths[label] = termWeights(doc, params, tf);
    for (const [term, weight] of tf) {
      let termNumber = this.termNumbers.get(term);
      if (termNumber === undefined) this.termNumbers.set(term, (termNumber = this.termNumbers.size));
      this.entries.push(termNumber, label, weight);
    }
    tf.clear();
  }

  finish(): SegmentPostings {
    const { termNumbers, lengths } = this;
    return { terms: [...termNumbers.keys()], termNumbers, lengths, ...this.entries.groupByTerm(termNumbers.size) };
  }
}

/**
 * Postings as (term, label, weight) entries in label order, grown in typed
 * arrays (millions of entries at 100k chunks), then grouped by term with a
 * counting sort, which keeps each term's labels ascending.
 */
class PostingEntries {
  private count = 0;
  private termOf = new Uint32Array(1 << 16);
  private labelOf = new Uint32Array(1 << 16);
  private weightOf = new Float64Array(1 << 16);

  push(term: number, label: number, weight: number): void {
    if (this.count === this.termOf.length) this.grow();
    this.termOf[this.count] = term;
    this.labelOf[this.count] = label;
    this.weightOf[this.count] = weight;
    this.count++;
  }

  groupByTerm(termCount: number): Pick<SegmentPostings, "starts" | "labels" | "weights"> {
    const { count, termOf, labelOf, weightOf } = this;
    const starts = new Uint32Array(termCount + 1);
    for (let i = 0; i < count; i++) starts[termOf[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) starts[t + 1]! += starts[t]!;
    const next = starts.slice(0, termCount);
    const labels = new Uint32Array(count);
    const weights = new Float64Array(count);
    let bytesExact = true;
    let float32Exact = true;
    for (let i = 0; i < count; i++) {
      const at = next[termOf[i]!]!++;
      labels[at] = labelOf[i]!;
      const weight = weightOf[i]!;
      weights[at] = weight;
      if (bytesExact && !(Number.isInteger(weight) && weight >= 0 && weight <= 255)) bytesExact = false;
      if (float32Exact && Math.fround(weight) !== weight) float32Exact = false;
    }
    const narrowest = bytesExact ? Uint8Array.from(weights) : float32Exact ? Float32Array.from(weights) : weights;
    return { starts, labels, weights: narrowest };
  }

  private grow(): void {
    const size = this.termOf.length * 2;
    const termOf = new Uint32Array(size);
    const labelOf = new Uint32Array(size);
    const weightOf = new Float64Array(size);
    termOf.set(this.termOf);
    labelOf.set(this.labelOf);
    weightOf.set(this.weightOf);
    this.termOf = termOf;
    this.labelOf = labelOf;
    this.weightOf = weightOf;
  }
}
