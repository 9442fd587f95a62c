import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KeywordDocument } from "../../src/core/types.js";
import type { Bm25Parameters } from "../../src/retrieval/bm25.js";
import { KeywordIndex, type KeywordSegmentPart } from "../../src/retrieval/keyword-index.js";
import { KeywordSegment } from "../../src/retrieval/keyword-segment.js";
import { readKeywordSegment, writeKeywordSegment } from "../../src/store/embedded/keyword-segment-file.js";
import { BM25, documents, expectSameIndex, QUERIES, VOCABULARY } from "../helpers/keyword-corpus.js";

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
      { segment: KeywordSegment.build(documents.slice(0, 100), BM25), deleted: new Set([3, 50]) },
      { segment: KeywordSegment.build(documents.slice(100), BM25) },
    ];
    const index = KeywordIndex.of(parts);
    const alone = KeywordIndex.of(parts).search("delta", 10);
    index.search("alpha beta delta", 10);
    expect(index.search("delta", 10)).toEqual(alone);
  });

  it("When every document of a segment is deleted, Then the segment contributes nothing", () => {
    const kept = KeywordSegment.build(documents.slice(0, 150), BM25);
    const gone = KeywordSegment.build(documents.slice(150), BM25);
    const everyLabel = new Set(gone.ids.map((_, label) => label));
    const index = KeywordIndex.of([{ segment: gone, deleted: everyLabel }, { segment: kept }, { segment: gone, deleted: everyLabel }]);
    expectSameIndex(index, KeywordIndex.build(documents.slice(0, 150), BM25), QUERIES, 20);
  });

  it("When a segment is empty, Then it works alone and next to others", () => {
    const empty = readKeywordSegment(writeKeywordSegment(KeywordSegment.build([], BM25)));
    expect(empty.size).toBe(0);
    const alone = KeywordIndex.of([{ segment: empty }]);
    expect(alone.size).toBe(0);
    expect(alone.search("alpha", 10)).toEqual([]);
    expect(alone.documentFrequency("alpha")).toBe(0);
    expectSameIndex(KeywordIndex.of([{ segment: empty }, { segment: KeywordSegment.build(documents, BM25) }]), KeywordIndex.build(documents, BM25), QUERIES, 20);
    expectSameIndex(KeywordIndex.of([]), KeywordIndex.build([], BM25), QUERIES, 20);
  });

  it("When parts were built with different BM25 parameters, Then combining them throws", () => {
    const a = KeywordSegment.build(documents.slice(0, 10), BM25);
    const b = KeywordSegment.build(documents.slice(10, 20), { ...BM25, k1: BM25.k1 + 0.1 });
    expect(() => KeywordIndex.of([{ segment: a }, { segment: b }])).toThrow(/share BM25 parameters/);
  });

  it("When a deletion names a label the segment does not have, Then combining throws", () => {
    const segment = KeywordSegment.build(documents.slice(0, 10), BM25);
    expect(() => KeywordIndex.of([{ segment, deleted: new Set([10]) }])).toThrow(RangeError);
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
    const sliced = await KeywordSegment.buildInSlices(documents, BM25, 5).finally(() => clearInterval(timer));
    expect(Buffer.compare(writeKeywordSegment(sliced), writeKeywordSegment(KeywordSegment.build(documents, BM25)))).toBe(0);
    expect(ticks).toBeGreaterThan(3);
  });
});
