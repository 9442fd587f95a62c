/**
 * @module keyword-index
 * BM25 over chunks, with the document title and heading path counted as a
 * boosted field (BM25F-style: boosted term frequencies share one length norm).
 *
 * The index is made of immutable segments, Lucene-style: a changed document
 * goes into a new small segment and its old chunks are only marked deleted in
 * the old one, so a generation can publish without rebuilding (or rewriting)
 * the postings of 100k unchanged chunks. A segment keeps its postings in a few
 * typed arrays and serialises them as a binary buffer that loads as views:
 * parsing millions of small JSON arrays was what made start-up and GC slow.
 */
import type { Hit, KeywordDocument, KeywordSearch } from "../core/types.js";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
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

/**
 * A segment's postings. Term `t`'s postings are entries `starts[t]` up to
 * `starts[t + 1]` of `labels` (ascending) and `weights` (boosted term frequency
 * in that document). A label is a document's position in build order.
 */
type PostingWeights = Uint8Array | Float32Array | Float64Array;

interface SegmentPostings {
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

/** One immutable BM25 segment: the postings of some documents in typed arrays; serialisable to a compact binary buffer. */
export class KeywordSegment {
  private constructor(
    readonly params: Bm25Parameters,
    /** Chunk id of each label; label = position in build order. */
    readonly ids: readonly string[],
    /** @internal The layout KeywordIndex searches and toBuffer writes. */
    readonly postings: SegmentPostings,
  ) {}

  /** Documents in the segment, deleted or not (deletions belong to a KeywordSegmentPart). */
  get size(): number {
    return this.ids.length;
  }

  static build(documents: readonly KeywordDocument[], params: Bm25Parameters = DEFAULT_BM25): KeywordSegment {
    const builder = new SegmentBuilder(documents.length, params);
    documents.forEach((doc, label) => builder.add(doc, label));
    return new KeywordSegment(params, documents.map((d) => d.id), builder.finish());
  }

  /**
   * The same segment as `build`, tokenised in slices of about `sliceMs` with the
   * event loop served in between: a whole-index build (~8 s of tokenising at
   * 100k chunks) must not hold up requests while a server reindexes.
   */
  static async buildInSlices(documents: readonly KeywordDocument[], params: Bm25Parameters = DEFAULT_BM25, sliceMs = 10): Promise<KeywordSegment> {
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

  /**
   * Reads toBuffer()'s output; throws an Error with a clear message when the
   * data is not such a segment (bad magic/version, truncated, inconsistent
   * counts). The typed arrays are views over `data` when it is aligned, so the
   * caller must not reuse `data` for anything else afterwards.
   */
  static fromBuffer(data: Uint8Array): KeywordSegment {
    const { params, ids, postings } = readSegment(data);
    return new KeywordSegment(params, ids, postings);
  }

  /** The binary form laid out in the comment above `SEGMENT_MAGIC`. */
  toBuffer(): Buffer {
    return writeSegment(this);
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
    const body = terms(doc.text);
    const heading = terms(doc.heading);
    for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of heading) tf.set(t, (tf.get(t) ?? 0) + params.headingBoost);
    this.lengths[label] = body.length + heading.length * params.headingBoost;
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

// ---------------------------------------------------------------------------
// Binary format, little-endian:
//   8 bytes  SEGMENT_MAGIC
//   u32      SEGMENT_VERSION
//   u32      header byte length
//   header   UTF-8 JSON SegmentHeader
//   then, each starting at a multiple of 8 bytes (zero padding between):
//   lengths  f64 × documents
//   weights  u8, f32 or f64 × postings (the header says which)
//   starts   u32 × (terms + 1)
//   labels   u32 × postings
// The sections are 8-aligned so that fromBuffer can view them in place.
// ---------------------------------------------------------------------------

const SEGMENT_MAGIC = "BM25SEG\n";
const SEGMENT_VERSION = 1;
const PREAMBLE_BYTES = 16;
const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

interface SegmentHeader {
  params: Bm25Parameters;
  ids: string[];
  /** In term-number order (first occurrence in build order). */
  terms: string[];
  postings: number;
  weights: keyof typeof WEIGHT_TYPES;
}

const WEIGHT_TYPES = { uint8: Uint8Array, float32: Float32Array, float64: Float64Array } as const;

function weightTypeOf(weights: PostingWeights): keyof typeof WEIGHT_TYPES {
  return weights instanceof Uint8Array ? "uint8" : weights instanceof Float32Array ? "float32" : "float64";
}

interface SectionLayout {
  lengths: number;
  weights: number;
  starts: number;
  labels: number;
  end: number;
}

function layoutSections(headerBytes: number, documents: number, termCount: number, postings: number, weightBytes: number): SectionLayout {
  const lengths = align8(PREAMBLE_BYTES + headerBytes);
  const weights = align8(lengths + documents * 8);
  const starts = align8(weights + postings * weightBytes);
  const labels = align8(starts + (termCount + 1) * 4);
  return { lengths, weights, starts, labels, end: labels + postings * 4 };
}

function align8(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

function writeSegment(segment: KeywordSegment): Buffer {
  if (!IS_LITTLE_ENDIAN) throw new Error("keyword segments are little-endian; this host is big-endian");
  const { terms: termList, starts, labels, weights, lengths } = segment.postings;
  const header: SegmentHeader = {
    params: segment.params,
    ids: [...segment.ids],
    terms: [...termList],
    postings: labels.length,
    weights: weightTypeOf(weights),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const layout = layoutSections(headerBytes.length, lengths.length, termList.length, labels.length, weights.BYTES_PER_ELEMENT);
  const out = Buffer.alloc(layout.end);
  out.write(SEGMENT_MAGIC, 0, "latin1");
  out.writeUInt32LE(SEGMENT_VERSION, 8);
  out.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(out, PREAMBLE_BYTES);
  const put = (array: ArrayBufferView, at: number) => out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
  put(lengths, layout.lengths);
  put(weights, layout.weights);
  put(starts, layout.starts);
  put(labels, layout.labels);
  return out;
}

/** The checked contents of a serialised segment. */
function readSegment(data: Uint8Array): { params: Bm25Parameters; ids: readonly string[]; postings: SegmentPostings } {
  const fail = (problem: string): never => {
    throw new Error(`not a keyword segment: ${problem}`);
  };
  if (!IS_LITTLE_ENDIAN) fail("keyword segments are little-endian; this host is big-endian");
  if (data.byteLength < PREAMBLE_BYTES) fail(`${data.byteLength} bytes is shorter than the ${PREAMBLE_BYTES}-byte preamble (truncated?)`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const magic = String.fromCharCode(...data.subarray(0, 8));
  if (magic !== SEGMENT_MAGIC) fail(`bad magic ${JSON.stringify(magic)}, expected ${JSON.stringify(SEGMENT_MAGIC)}`);
  const version = view.getUint32(8, true);
  if (version !== SEGMENT_VERSION) fail(`format version ${version}, this build reads version ${SEGMENT_VERSION}`);
  const headerBytes = view.getUint32(12, true);
  if (PREAMBLE_BYTES + headerBytes > data.byteLength) fail(`the header needs ${headerBytes} bytes, ${data.byteLength - PREAMBLE_BYTES} remain (truncated?)`);

  let header: SegmentHeader;
  try {
    header = JSON.parse(Buffer.from(data.buffer, data.byteOffset + PREAMBLE_BYTES, headerBytes).toString("utf8")) as SegmentHeader;
  } catch {
    return fail("the header is not valid JSON");
  }
  checkHeader(header, fail);
  const documents = header.ids.length;
  const termCount = header.terms.length;
  const Weights = WEIGHT_TYPES[header.weights];
  const layout = layoutSections(headerBytes, documents, termCount, header.postings, Weights.BYTES_PER_ELEMENT);
  if (data.byteLength < layout.end) fail(`the header's counts need ${layout.end} bytes, there are ${data.byteLength} (truncated?)`);
  if (data.byteLength > layout.end) fail(`${data.byteLength - layout.end} bytes follow the last section (inconsistent counts?)`);

  const postings: SegmentPostings = {
    terms: header.terms,
    termNumbers: new Map(header.terms.map((term, t) => [term, t])),
    lengths: section(data, layout.lengths, documents, Float64Array),
    weights: section<PostingWeights>(data, layout.weights, header.postings, Weights),
    starts: section(data, layout.starts, termCount + 1, Uint32Array),
    labels: section(data, layout.labels, header.postings, Uint32Array),
  };
  if (postings.termNumbers.size !== termCount) fail("the term dictionary repeats a term");
  checkPostings(postings, documents, fail);
  return { params: header.params, ids: header.ids, postings };
}

type TypedArrayOf<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** A view of `count` elements at `offset`, or a copy when `data` sits misaligned in its ArrayBuffer. */
function section<T>(data: Uint8Array, offset: number, count: number, Type: TypedArrayOf<T>): T {
  const start = data.byteOffset + offset;
  if (start % Type.BYTES_PER_ELEMENT === 0) return new Type(data.buffer, start, count);
  const copy = new Uint8Array(count * Type.BYTES_PER_ELEMENT);
  copy.set(data.subarray(offset, offset + copy.length));
  return new Type(copy.buffer, 0, count);
}

function checkHeader(header: SegmentHeader, fail: (problem: string) => never): void {
  const isStringArray = (value: unknown) => Array.isArray(value) && value.every((s) => typeof s === "string");
  const params = header?.params;
  if (!params || ![params.k1, params.b, params.headingBoost].every((n) => typeof n === "number" && Number.isFinite(n))) {
    fail("the header has no valid BM25 parameters");
  }
  if (!isStringArray(header.ids)) fail("the header's ids are not a list of strings");
  if (!isStringArray(header.terms)) fail("the header's terms are not a list of strings");
  if (!Number.isSafeInteger(header.postings) || header.postings < 0) fail("the header's posting count is not a count");
  if (!Object.hasOwn(WEIGHT_TYPES, header.weights)) fail(`unknown weight type ${JSON.stringify(header.weights)}`);
  if (header.ids.length > 2 ** 32 - 1) fail("more documents than 32-bit labels can address");
}

/** Offsets must cover the postings in order and labels must name documents: anything else would search garbage. */
function checkPostings({ starts, labels }: SegmentPostings, documents: number, fail: (problem: string) => never): void {
  if (starts[0] !== 0 || starts[starts.length - 1] !== labels.length) {
    fail(`the posting offsets span ${starts[0]}..${starts[starts.length - 1]}, the header counts ${labels.length} postings`);
  }
  for (let t = 0; t + 1 < starts.length; t++) {
    const end = starts[t + 1]!;
    if (end < starts[t]!) fail(`posting offsets decrease at term ${t}`);
    let previous = -1;
    for (let i = starts[t]!; i < end; i++) {
      const label = labels[i]!;
      if (label <= previous || label >= documents) fail(`term ${t}'s postings are not ascending labels below ${documents}`);
      previous = label;
    }
  }
}

// ---------------------------------------------------------------------------
// Search over segments with deletions
// ---------------------------------------------------------------------------

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
    private readonly params: Bm25Parameters,
    private readonly parts: readonly LivePart[],
    private readonly liveCount: number,
  ) {}

  /** One segment over `documents`, nothing deleted (what the eval and small in-memory indexes use). */
  static build(documents: readonly KeywordDocument[], params: Bm25Parameters = DEFAULT_BM25): KeywordIndex {
    return KeywordIndex.of([{ segment: KeywordSegment.build(documents, params) }]);
  }

  /**
   * BM25 over the live documents of all parts, exactly as if built over them:
   * N, average length and document frequencies count live documents only.
   * Parts must share params (throw otherwise).
   */
  static of(parts: readonly KeywordSegmentPart[]): KeywordIndex {
    const params = parts[0]?.segment.params ?? DEFAULT_BM25;
    parts.forEach(({ segment }, i) => {
      const p = segment.params;
      if (p.k1 !== params.k1 || p.b !== params.b || p.headingBoost !== params.headingBoost) {
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
    const { k1, b } = params;
    const live = parts.map(({ segment }, i): LivePart => {
      const { postings } = segment;
      const lengthNorm = new Float64Array(segment.size);
      for (let label = 0; label < lengthNorm.length; label++) lengthNorm[label] = k1 * (1 - b + (b * postings.lengths[label]!) / averageLength);
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
    return new KeywordIndex(params, live, liveCount);
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
  idf(term: string): number {
    return this.idfOf(this.documentFrequency(term));
  }

  /** The k best live documents by BM25, best first; equal scores: earlier part first, then lower label. */
  search(query: string, k: number): Hit[] {
    const { parts } = this;
    const { k1 } = this.params;
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
    const n = this.liveCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
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
    scores[label]! += (idf * (tf * (k1 + 1))) / (tf + lengthNorm[label]!);
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
