import { describe, expect, it } from "vitest";
import { KeywordIndex } from "../../src/retrieval/keyword-index.js";
import { KeywordSegment } from "../../src/retrieval/keyword-segment.js";
import { readKeywordSegment, writeKeywordSegment } from "../../src/store/embedded/keyword-segment-file.js";
import { BM25, documents, expectSameIndex, QUERIES } from "../helpers/keyword-corpus.js";

describe("keyword segment file", () => {
  const segment = KeywordSegment.build(documents, BM25);

  /** `bytes` copied into a larger buffer at `offset`, as a file read into a pooled buffer may be. */
  function atOffset(bytes: Uint8Array, offset: number): Buffer {
    const larger = Buffer.alloc(bytes.length + offset + 3, 0xee);
    larger.set(bytes, offset);
    return larger.subarray(offset, offset + bytes.length);
  }

  it("When a segment is written and read back, Then it has the same ids and params and searches identically", () => {
    const loaded = readKeywordSegment(writeKeywordSegment(segment));
    expect(loaded.ids).toEqual(segment.ids);
    expect(loaded.params).toEqual(segment.params);
    expect(loaded.size).toBe(segment.size);
    expectSameIndex(KeywordIndex.of([{ segment: loaded, deleted: new Set([0, 7]) }]), KeywordIndex.of([{ segment, deleted: new Set([0, 7]) }]), QUERIES, 50);
  });

  it("When the buffer sits at a non-zero byte offset (aligned or not), Then it reads back the same segment", () => {
    const bytes = writeKeywordSegment(segment);
    for (const offset of [1, 2, 4, 8]) {
      const loaded = readKeywordSegment(atOffset(bytes, offset));
      expectSameIndex(KeywordIndex.of([{ segment: loaded }]), KeywordIndex.build(documents, BM25), QUERIES, 50);
    }
  });

  it("When the buffer is aligned, Then the postings are views over it rather than copies", () => {
    const data = atOffset(writeKeywordSegment(segment), 8);
    const loaded = readKeywordSegment(data);
    expect(loaded.postings.labels.buffer).toBe(data.buffer);
    expect(loaded.postings.weights.buffer).toBe(data.buffer);
  });

  it("When weights need bytes, float32 or float64, Then each is stored in that type and the round trip keeps the scores exactly", () => {
    for (const [headingBoost, Weights] of [[3, Uint8Array], [2.5, Float32Array], [0.3, Float64Array]] as const) {
      const original = KeywordSegment.build(documents, { ...BM25, headingBoost });
      expect(original.postings.weights).toBeInstanceOf(Weights);
      for (const offset of [0, 4]) {
        const loaded = readKeywordSegment(atOffset(writeKeywordSegment(original), offset));
        expect(loaded.postings.weights).toBeInstanceOf(Weights);
        for (const query of QUERIES) {
          expect(KeywordIndex.of([{ segment: loaded }]).search(query, 30)).toEqual(KeywordIndex.of([{ segment: original }]).search(query, 30));
        }
      }
    }
  });

  it("When the data is truncated anywhere, Then reading throws a clear error", () => {
    const bytes = writeKeywordSegment(segment);
    for (const length of [0, 5, 15, 16, 40, bytes.length >> 1, bytes.length - 4, bytes.length - 1]) {
      expect(() => readKeywordSegment(bytes.subarray(0, length))).toThrow(/not a keyword segment/);
    }
  });

  it("When the magic or version is wrong, Then reading throws an error saying so", () => {
    const wrongMagic = Buffer.from(writeKeywordSegment(segment));
    wrongMagic[0] = "X".charCodeAt(0);
    expect(() => readKeywordSegment(wrongMagic)).toThrow(/bad magic/);
    const wrongVersion = Buffer.from(writeKeywordSegment(segment));
    wrongVersion.writeUInt32LE(99, 8);
    expect(() => readKeywordSegment(wrongVersion)).toThrow(/version 99/);
    expect(() => readKeywordSegment(Buffer.from(JSON.stringify({ ids: [] })))).toThrow(/not a keyword segment/);
  });

  it("When the counts are inconsistent with the sections, Then reading throws instead of searching garbage", () => {
    const bytes = writeKeywordSegment(segment);
    const trailing = Buffer.concat([bytes, Buffer.alloc(8)]);
    expect(() => readKeywordSegment(trailing)).toThrow(/follow the last section/);
    // The labels section is last: a label past the last document must be refused.
    const badLabel = Buffer.from(bytes);
    badLabel.writeUInt32LE(documents.length + 5, badLabel.length - 4);
    expect(() => readKeywordSegment(badLabel)).toThrow(/ascending labels below/);
  });
});

