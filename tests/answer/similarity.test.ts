import { describe, expect, it } from "vitest";
import { embeddingSimilarity } from "../../src/answer/similarity.js";

// A deterministic stand-in embedder: each text's vector is its length and its first character code.
const embedder = {
  embedQuery: async (text: string) => [text.length, text.charCodeAt(0)],
  embedDocuments: async (texts: string[]) => texts.map((t) => [t.length, t.charCodeAt(0)]),
};

describe("sentence similarity memo", () => {
  it("When the memo is full and a call needs both remembered and new sentences, Then every sentence is scored (none is dropped mid-call)", async () => {
    const similarity = embeddingSimilarity(embedder, 3);
    await similarity("q", ["a", "bb", "ccc"]);
    const scores = await similarity("q", ["a", "dddd", "eeeee", "ffffff"]);
    expect(scores).toHaveLength(4);
    for (const score of scores) expect(Number.isFinite(score)).toBe(true);
  });
});
