import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Bm25Parameters, DEFAULT_BM25, KeywordIndex, KeywordSegment, type KeywordSegmentPart } from "../../src/retrieval/keyword-index.js";
import type { KeywordDocument, Hit } from "../../src/core/types.js";
import { terms } from "../../src/retrieval/tokenize.js";

// A small vocabulary, so that random documents share terms and scores often tie.
const VOCABULARY = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma"];
const STEMMED = VOCABULARY.map((word) => terms(word)[0]!);

const documentArbitrary = fc.record({
  text: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }).map((words) => words.join(" ")),
  heading: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 3 }).map((words) => words.join(" ")),
});

const queryArbitrary = fc.array(fc.constantFrom(...VOCABULARY, "unseen"), { minLength: 1, maxLength: 4 }).map((words) => words.join(" "));

// Integer boosts store weights as bytes, 2.5 as float32, 0.3 as float64: every layout is exercised.
const paramsArbitrary = fc.record({
  k1: fc.constantFrom(0.9, 1.2, 2),
  b: fc.constantFrom(0, 0.4, 0.75, 1),
  headingBoost: fc.constantFrom(1, 3, 0.3, 2.5),
});

/** Documents cut into consecutive parts, each with some labels deleted. */
interface SplitCorpus {
  params: Bm25Parameters;
  parts: { documents: KeywordDocument[]; deleted: Set<number> }[];
}

const splitCorpusArbitrary: fc.Arbitrary<SplitCorpus> = fc
  .record({
    params: paramsArbitrary,
    parts: fc.array(
      fc.array(fc.record({ document: documentArbitrary, deleted: fc.boolean() }), { maxLength: 15 }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ params, parts }) => {
    let next = 0;
    return {
      params,
      parts: parts.map((entries) => ({
        documents: entries.map(({ document }) => ({ id: `c${next++}`, ...document })),
        deleted: new Set(entries.flatMap(({ deleted }, label) => (deleted ? [label] : []))),
      })),
    };
  });

function segmentParts({ params, parts }: SplitCorpus): KeywordSegmentPart[] {
  return parts.map(({ documents, deleted }) => ({ segment: KeywordSegment.build(documents, params), deleted }));
}

function liveDocumentsInOrder({ parts }: SplitCorpus): KeywordDocument[] {
  return parts.flatMap(({ documents, deleted }) => documents.filter((_, label) => !deleted.has(label)));
}

function expectSameHits(actual: Hit[], expected: Hit[]): void {
  expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
  actual.forEach((hit, i) => {
    const want = expected[i]!.score;
    expect(Math.abs(hit.score - want)).toBeLessThanOrEqual(1e-9 * Math.abs(want));
  });
}

function expectSameIndex(actual: KeywordIndex, expected: KeywordIndex, queries: string[], k: number): void {
  expect(actual.size).toBe(expected.size);
  for (const term of [...STEMMED, "unseen"]) {
    expect(actual.documentFrequency(term)).toBe(expected.documentFrequency(term));
    expect(actual.idf(term)).toBeCloseTo(expected.idf(term), 12);
  }
  for (const query of queries) expectSameHits(actual.search(query, k), expected.search(query, k));
}

const documents: KeywordDocument[] = Array.from({ length: 300 }, (_, i) => ({
  id: `c${i}`,
  text: Array.from({ length: 3 + (i % 11) }, (_, j) => VOCABULARY[(i * 3 + j * j) % VOCABULARY.length]).join(" "),
  heading: i % 5 === 0 ? VOCABULARY[i % VOCABULARY.length]! : "",
}));
const QUERIES = ["alpha gamma kappa", "delta", "sigma lambda beta", "unseen", "zeta zeta theta"];

describe("KeywordIndex.of", () => {
  it("When documents are split into parts with deletions, Then search, idf, document frequency and size equal one index built over the live documents", () => {
    fc.assert(
      fc.property(splitCorpusArbitrary, fc.array(queryArbitrary, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 30 }), (corpus, queries, k) => {
        expectSameIndex(KeywordIndex.of(segmentParts(corpus)), KeywordIndex.build(liveDocumentsInOrder(corpus), corpus.params), queries, k);
      }),
      { numRuns: 300 },
    );
  });

  it("When searches follow each other over parts, Then an earlier query's scores do not leak into a later one", () => {
    const parts = [
      { segment: KeywordSegment.build(documents.slice(0, 100)), deleted: new Set([3, 50]) },
      { segment: KeywordSegment.build(documents.slice(100)) },
    ];
    const index = KeywordIndex.of(parts);
    const alone = KeywordIndex.of(parts).search("delta", 10);
    index.search("alpha beta delta", 10);
    expect(index.search("delta", 10)).toEqual(alone);
  });

  it("When every document of a segment is deleted, Then the segment contributes nothing", () => {
    const kept = KeywordSegment.build(documents.slice(0, 150));
    const gone = KeywordSegment.build(documents.slice(150));
    const everyLabel = new Set(gone.ids.map((_, label) => label));
    const index = KeywordIndex.of([{ segment: gone, deleted: everyLabel }, { segment: kept }, { segment: gone, deleted: everyLabel }]);
    expectSameIndex(index, KeywordIndex.build(documents.slice(0, 150)), QUERIES, 20);
  });

  it("When a segment is empty, Then it works alone and next to others", () => {
    const empty = KeywordSegment.fromBuffer(KeywordSegment.build([]).toBuffer());
    expect(empty.size).toBe(0);
    const alone = KeywordIndex.of([{ segment: empty }]);
    expect(alone.size).toBe(0);
    expect(alone.search("alpha", 10)).toEqual([]);
    expect(alone.documentFrequency("alpha")).toBe(0);
    expectSameIndex(KeywordIndex.of([{ segment: empty }, { segment: KeywordSegment.build(documents) }]), KeywordIndex.build(documents), QUERIES, 20);
    expectSameIndex(KeywordIndex.of([]), KeywordIndex.build([]), QUERIES, 20);
  });

  it("When parts were built with different BM25 parameters, Then combining them throws", () => {
    const a = KeywordSegment.build(documents.slice(0, 10), DEFAULT_BM25);
    const b = KeywordSegment.build(documents.slice(10, 20), { ...DEFAULT_BM25, k1: DEFAULT_BM25.k1 + 0.1 });
    expect(() => KeywordIndex.of([{ segment: a }, { segment: b }])).toThrow(/share BM25 parameters/);
  });

  it("When a deletion names a label the segment does not have, Then combining throws", () => {
    const segment = KeywordSegment.build(documents.slice(0, 10));
    expect(() => KeywordIndex.of([{ segment, deleted: new Set([10]) }])).toThrow(RangeError);
  });
});

describe("KeywordSegment binary form", () => {
  const segment = KeywordSegment.build(documents);

  /** `bytes` copied into a larger buffer at `offset`, as a file read into a pooled buffer may be. */
  function atOffset(bytes: Uint8Array, offset: number): Buffer {
    const larger = Buffer.alloc(bytes.length + offset + 3, 0xee);
    larger.set(bytes, offset);
    return larger.subarray(offset, offset + bytes.length);
  }

  it("When a segment is written and read back, Then it has the same ids and params and searches identically", () => {
    const loaded = KeywordSegment.fromBuffer(segment.toBuffer());
    expect(loaded.ids).toEqual(segment.ids);
    expect(loaded.params).toEqual(segment.params);
    expect(loaded.size).toBe(segment.size);
    expectSameIndex(KeywordIndex.of([{ segment: loaded, deleted: new Set([0, 7]) }]), KeywordIndex.of([{ segment, deleted: new Set([0, 7]) }]), QUERIES, 50);
  });

  it("When the buffer sits at a non-zero byte offset (aligned or not), Then it reads back the same segment", () => {
    const bytes = segment.toBuffer();
    for (const offset of [1, 2, 4, 8]) {
      const loaded = KeywordSegment.fromBuffer(atOffset(bytes, offset));
      expectSameIndex(KeywordIndex.of([{ segment: loaded }]), KeywordIndex.build(documents), QUERIES, 50);
    }
  });

  it("When the buffer is aligned, Then the postings are views over it rather than copies", () => {
    const data = atOffset(segment.toBuffer(), 8);
    const loaded = KeywordSegment.fromBuffer(data);
    expect(loaded.postings.labels.buffer).toBe(data.buffer);
    expect(loaded.postings.weights.buffer).toBe(data.buffer);
  });

  it("When weights need bytes, float32 or float64, Then each is stored in that type and the round trip keeps the scores exactly", () => {
    for (const [headingBoost, Weights] of [[3, Uint8Array], [2.5, Float32Array], [0.3, Float64Array]] as const) {
      const original = KeywordSegment.build(documents, { ...DEFAULT_BM25, headingBoost });
      expect(original.postings.weights).toBeInstanceOf(Weights);
      for (const offset of [0, 4]) {
        const loaded = KeywordSegment.fromBuffer(atOffset(original.toBuffer(), offset));
        expect(loaded.postings.weights).toBeInstanceOf(Weights);
        for (const query of QUERIES) {
          expect(KeywordIndex.of([{ segment: loaded }]).search(query, 30)).toEqual(KeywordIndex.of([{ segment: original }]).search(query, 30));
        }
      }
    }
  });

  it("When the data is truncated anywhere, Then reading throws a clear error", () => {
    const bytes = segment.toBuffer();
    for (const length of [0, 5, 15, 16, 40, bytes.length >> 1, bytes.length - 4, bytes.length - 1]) {
      expect(() => KeywordSegment.fromBuffer(bytes.subarray(0, length))).toThrow(/not a keyword segment/);
    }
  });

  it("When the magic or version is wrong, Then reading throws an error saying so", () => {
    const wrongMagic = Buffer.from(segment.toBuffer());
    wrongMagic[0] = "X".charCodeAt(0);
    expect(() => KeywordSegment.fromBuffer(wrongMagic)).toThrow(/bad magic/);
    const wrongVersion = Buffer.from(segment.toBuffer());
    wrongVersion.writeUInt32LE(99, 8);
    expect(() => KeywordSegment.fromBuffer(wrongVersion)).toThrow(/version 99/);
    expect(() => KeywordSegment.fromBuffer(Buffer.from(JSON.stringify({ ids: [] })))).toThrow(/not a keyword segment/);
  });

  it("When the counts are inconsistent with the sections, Then reading throws instead of searching garbage", () => {
    const bytes = segment.toBuffer();
    const trailing = Buffer.concat([bytes, Buffer.alloc(8)]);
    expect(() => KeywordSegment.fromBuffer(trailing)).toThrow(/follow the last section/);
    // The labels section is last: a label past the last document must be refused.
    const badLabel = Buffer.from(bytes);
    badLabel.writeUInt32LE(documents.length + 5, badLabel.length - 4);
    expect(() => KeywordSegment.fromBuffer(badLabel)).toThrow(/ascending labels below/);
  });
});

describe("KeywordSegment.buildInSlices", () => {
  it("When a large segment is built in slices, Then it is byte for byte the one-go build and timers keep firing meanwhile", async () => {
    const words = ["kiln", "glaze", "porcelain", "firing", "ferry", "pier", "tickets", "library", "archive", "maps", "borrow", "quarry"];
    const documents = Array.from({ length: 6000 }, (_, i) => ({
      id: `c${i}`,
      text: Array.from({ length: 60 }, (_, j) => `${words[(i * 7 + j * 3) % words.length]}${(i + j) % 50}`).join(" "),
      heading: words[i % words.length]!,
    }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 2);
    const sliced = await KeywordSegment.buildInSlices(documents, DEFAULT_BM25, 5).finally(() => clearInterval(timer));
    expect(Buffer.compare(sliced.toBuffer(), KeywordSegment.build(documents).toBuffer())).toBe(0);
    expect(ticks).toBeGreaterThan(3);
  });
});
