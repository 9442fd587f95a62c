import path from "node:path";
import { describe, expect, it } from "vitest";
import { HnswStore } from "../../src/store/embedded/hnsw-store.js";
import { makeTempDir } from "../helpers/test-server.js";

const DIMENSION = 128;
const COUNT = 4000;

/** Deterministic pseudo-random unit-ish vectors (a fixed LCG, so failures reproduce). */
function randomVectors(count: number, dimension: number): number[][] {
  let state = 12345;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: count }, () => Array.from({ length: dimension }, next));
}

describe("HnswStore.buildToFile", () => {
  it("When a few thousand vectors are indexed, Then a timer keeps ticking meanwhile and the file holds the same index", async () => {
    const vectors = randomVectors(COUNT, DIMENSION);
    const ids = vectors.map((_, i) => `c${i}`);
    const file = path.join(await makeTempDir(), "vectors.hnsw");

    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    const store = await HnswStore.buildToFile(file, { ids, vectors, dimension: DIMENSION }).finally(() => clearInterval(timer));
    const elapsed = performance.now() - started;

    // A build on the event loop would let no tick through until it was over: one gap as long as the build.
    const gaps = ticks.map((t, i) => t - (ticks[i - 1] ?? started));
    expect(ticks.length).toBeGreaterThan(5);
    expect(Math.max(...gaps)).toBeLessThan(elapsed / 2);

    const inMemory = HnswStore.build(ids, vectors, DIMENSION);
    const reloaded = await HnswStore.load(file, ids, DIMENSION);
    for (const label of [0, 1234, COUNT - 1]) {
      const expected = await inMemory.search(vectors[label]!, 5);
      expect(await store.search(vectors[label]!, 5)).toEqual(expected);
      expect(await reloaded.search(vectors[label]!, 5)).toEqual(expected);
    }
  });

  it("When a vector has the wrong dimension, Then the build is refused naming it", async () => {
    const file = path.join(await makeTempDir(), "vectors.hnsw");
    await expect(HnswStore.buildToFile(file, { ids: ["a", "b"], vectors: [[1, 0], [1]], dimension: 2 })).rejects.toThrow(/vector b has 1 dimensions/);
  });
});
