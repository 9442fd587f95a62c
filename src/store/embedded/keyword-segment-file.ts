/**
 * @module keyword-segment-file
 * The embedded store's file of one BM25 segment (`<segment>.bm25`): postings
 * as typed arrays, written 8-aligned so that reading them back is a few views
 * over the file's bytes. Parsing millions of small JSON arrays was what made
 * start-up and GC slow.
 */
import type { Bm25Parameters } from "../../retrieval/bm25.js";
import { KeywordSegment, type PostingWeights, type SegmentPostings } from "../../retrieval/keyword-segment.js";

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
// The sections are 8-aligned so that readKeywordSegment can view them in place.

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

/** The binary form laid out above; `readKeywordSegment` reads it back. */
export function writeKeywordSegment(segment: KeywordSegment): Buffer {
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

/**
 * Reads writeKeywordSegment's output; throws an Error with a clear message
 * when the data is not such a segment (bad magic/version, truncated,
 * inconsistent counts). The typed arrays are views over `data` when it is
 * aligned, so the caller must not reuse `data` for anything else afterwards.
 */
export function readKeywordSegment(data: Uint8Array): KeywordSegment {
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
  return new KeywordSegment(header.params, header.ids, postings);
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
