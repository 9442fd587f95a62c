import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedEmbedder, EmbeddingCache } from "../../src/eval/embedding-cache.js";
import type { Embedder } from "../../src/embeddings/types.js";

/** Counts what reaches the model, so the test can tell a cache hit from a miss. */
function countingEmbedder(): Embedder & { embedded: string[] } {
  const embedded: string[] = [];
  const vector = (t: string) => [t.length, t.charCodeAt(0) / 100, 0.5];
  return {
    id: "fake:counting",
    dimension: 3,
    embedded,
    embedQuery: async (t) => vector(t),
    embedDocuments: async (texts) => {
      embedded.push(...texts);
      return texts.map(vector);
    },
  };
}

describe("eval embedding cache", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "emb-cache-"));
    dirs.push(dir);
    return dir;
  };

  it("When texts were embedded in an earlier run, Then a new run reads them from disk without calling the model", async () => {
    const dir = tempDir();
    const first = countingEmbedder();
    const vectors = await cachedEmbedder(first, EmbeddingCache.open(dir, first.id, 3)).embedDocuments(["alpha", "beta", "alpha"]);
    expect(first.embedded).toEqual(["alpha", "beta"]);

    const second = countingEmbedder();
    const again = await cachedEmbedder(second, EmbeddingCache.open(dir, second.id, 3)).embedDocuments(["beta", "alpha", "gamma"]);
    expect(second.embedded).toEqual(["gamma"]);
    expect(again[0]![0]).toBeCloseTo(vectors[1]![0]!, 5);
    expect(again[1]![1]).toBeCloseTo(vectors[0]![1]!, 5);
  });

  it("When the file ends in a torn record, Then the complete records still load", async () => {
    const dir = tempDir();
    const embedder = countingEmbedder();
    await cachedEmbedder(embedder, EmbeddingCache.open(dir, embedder.id, 3)).embedDocuments(["one", "two"]);
    appendFileSync(path.join(dir, "fake_counting-3.bin"), Buffer.alloc(17));
    expect(EmbeddingCache.open(dir, embedder.id, 3).size).toBe(2);
  });
});
