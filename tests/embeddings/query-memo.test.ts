import { describe, expect, it } from "vitest";
import { memoizeQueries } from "../../src/embeddings/query-memo.js";
import type { Embedder } from "../../src/embeddings/types.js";

/** A counting embedder: vectors derived from the text's length, so results are checkable. */
function countingEmbedder(fail = new Set<string>()): Embedder & { queries: string[] } {
  const queries: string[] = [];
  return {
    id: "fake:counting",
    dimension: 2,
    queries,
    embedDocuments: async (texts) => texts.map((t) => [t.length, 1]),
    embedQuery: async (text) => {
      queries.push(text);
      if (fail.has(text)) throw new Error(`cannot embed ${text}`);
      return [text.length, 0];
    },
  };
}

describe("memoizeQueries", () => {
  it("When the same question is embedded twice, even concurrently, Then the model embeds it once and both get its vector", async () => {
    const inner = countingEmbedder();
    const memo = memoizeQueries(inner);
    const [a, b] = await Promise.all([memo.embedQuery("what is a kiln"), memo.embedQuery("what is a kiln")]);
    expect(await memo.embedQuery("what is a kiln")).toEqual([14, 0]);
    expect(a).toEqual(b);
    expect(inner.queries).toEqual(["what is a kiln"]);
  });

  it("When more questions than its capacity are asked, Then the least recently used one is embedded again", async () => {
    const inner = countingEmbedder();
    const memo = memoizeQueries(inner, 2);
    await memo.embedQuery("a");
    await memo.embedQuery("bb");
    await memo.embedQuery("a"); // "bb" is now the least recently used
    await memo.embedQuery("ccc");
    await memo.embedQuery("a");
    await memo.embedQuery("bb");
    expect(inner.queries).toEqual(["a", "bb", "ccc", "bb"]);
  });

  it("When embedding a question fails, Then the failure is not remembered", async () => {
    const failing = new Set(["flaky"]);
    const inner = countingEmbedder(failing);
    const memo = memoizeQueries(inner);
    await expect(memo.embedQuery("flaky")).rejects.toThrow(/cannot embed/);
    failing.clear();
    expect(await memo.embedQuery("flaky")).toEqual([5, 0]);
    expect(inner.queries).toEqual(["flaky", "flaky"]);
  });
});
