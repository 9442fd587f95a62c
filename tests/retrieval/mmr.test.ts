import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/core/types.js";
import { diversify } from "../../src/retrieval/mmr.js";
import type { ScoredChunk } from "../../src/retrieval/types.js";

const scored = (id: string, text: string, score: number): ScoredChunk => ({
  chunk: { id, source: `${id}.txt`, title: id, headingPath: [], text, start: 0, end: text.length } satisfies Chunk,
  score,
});

describe("MMR diversification", () => {
  const ranked = [
    scored("a", "The museum forum took place in Hangzhou, China, in April 2025.", 1),
    scored("a-copy", "The museum forum took place in Hangzhou, China, in April 2025 with panels.", 0.95),
    scored("b", "NEMO published three recommendations for policy makers on AI.", 0.7),
  ];

  it("When the second result nearly repeats the first, Then MMR puts a different passage second", () => {
    expect(diversify(ranked, 2, 0.7).map((r) => r.chunk.id)).toEqual(["a", "b"]);
  });

  it("When λ is 1, Then the order is by relevance alone", () => {
    expect(diversify(ranked, 3, 1).map((r) => r.chunk.id)).toEqual(["a", "a-copy", "b"]);
  });
});
