import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedEmbedder } from "../../src/embeddings/cached-embedder.js";
import { EmbeddingCache } from "../../src/embeddings/embedding-cache.js";
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

describe("cached embedder", () => {
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
    const vectors = await cachedEmbedder(first, await EmbeddingCache.open(dir, first)).embedDocuments(["alpha", "beta", "alpha"]);
    expect(first.embedded).toEqual(["alpha", "beta"]);

    const second = countingEmbedder();
    const again = await cachedEmbedder(second, await EmbeddingCache.open(dir, second)).embedDocuments(["beta", "alpha", "gamma"]);
    expect(second.embedded).toEqual(["gamma"]);
    expect(again[0]![0]).toBeCloseTo(vectors[1]![0]!, 5);
    expect(again[1]![1]).toBeCloseTo(vectors[0]![1]!, 5);
  });

  it("When the file ends in a torn record, Then the complete records still load", async () => {
    const dir = tempDir();
    const embedder = countingEmbedder();
    const cache = await EmbeddingCache.open(dir, embedder);
    await cachedEmbedder(embedder, cache).embedDocuments(["one", "two"]);
    appendFileSync(cache.file, Buffer.alloc(17));
    expect((await EmbeddingCache.open(dir, embedder)).size).toBe(2);
  });
});
