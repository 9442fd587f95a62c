import { appendFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { EmbeddingCache, embeddingKey } from "../../src/embeddings/embedding-cache.js";
import { makeTempDir } from "../helpers/test-server.js";

const embedder = { id: "test:tiny", dimension: 3 };

describe("embedding cache", () => {
  it("When vectors are added, Then a reopened cache returns them (as float32) under the same key", async () => {
    const dir = await makeTempDir();
    const cache = await EmbeddingCache.open(dir, embedder);
    const key = embeddingKey(embedder.id, "hello");
    await cache.add([{ key, vector: [0.5, -1, 0.25] }]);
    const reopened = await EmbeddingCache.open(dir, embedder);
    expect(reopened.get(key)).toEqual(Float32Array.from([0.5, -1, 0.25]));
    expect(reopened.has(embeddingKey("test:other", "hello"))).toBe(false);
  });

  it("When the file ends in a torn record (a crash mid-write), Then the whole records are kept and the torn one dropped", async () => {
    const dir = await makeTempDir();
    const cache = await EmbeddingCache.open(dir, embedder);
    const key = embeddingKey(embedder.id, "kept");
    await cache.add([{ key, vector: [1, 2, 3] }]);
    await appendFile(cache.file, Buffer.alloc(17, 7));
    const reopened = await EmbeddingCache.open(dir, embedder);
    expect(reopened.size).toBe(1);
    expect(reopened.get(key)).toEqual(Float32Array.from([1, 2, 3]));
    expect((await stat(cache.file)).size).toBe(32 + 3 * 4);
    // Appending after the repair stays aligned.
    await reopened.add([{ key: embeddingKey(embedder.id, "next"), vector: [4, 5, 6] }]);
    expect((await EmbeddingCache.open(dir, embedder)).get(embeddingKey(embedder.id, "next"))).toEqual(Float32Array.from([4, 5, 6]));
  });
});
