import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder } from "../../src/embeddings/index.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { loadConfig } from "../../src/config.js";

const TEXTS = [
  "The mitochondria is the powerhouse of the cell.",
  "Normans were the people who gave their name to Normandy, a region in France.",
  "Steam engines use heat to produce mechanical work.",
  "The European Union law is a system of rules operating within the member states.",
  "Packet switching groups data into packets transmitted over a digital network.",
  "Warsaw is the capital and largest city of Poland.",
];

function expectSameVectors(actual: number[][], expected: number[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((vector, i) => {
    expect(vector).toHaveLength(512);
    vector.forEach((x, j) => expect(x).toBeCloseTo(expected[i]![j]!, 5));
  });
}

describe("embedding worker pool", () => {
  let pooled: Embedder;
  let inThread: Embedder;

  beforeAll(async () => {
    // Built through the same factory and config the server uses.
    [pooled, inThread] = await Promise.all([
      createEmbedder(loadConfig({ EMBEDDING_WORKERS: "2" })),
      createEmbedder(loadConfig({ EMBEDDING_WORKERS: "0" })),
    ]);
  });
  afterAll(async () => {
    await pooled.close?.();
    await inThread.close?.();
  });

  it("When documents are embedded by the worker pool, Then the vectors equal the in-thread model's, in input order", async () => {
    expect(pooled.id).toBe(inThread.id);
    // 70 texts: more than two batches, so the work is split over both workers and reassembled.
    const many = Array.from({ length: 70 }, (_, i) => `${TEXTS[i % TEXTS.length]} (${i})`);
    expectSameVectors(await pooled.embedDocuments(many), await inThread.embedDocuments(many));
  });

  it("When many queries arrive at once, Then each gets its own vector even though they share model calls", async () => {
    const together = await Promise.all(TEXTS.map((t) => pooled.embedQuery(t)));
    const oneByOne: number[][] = [];
    for (const t of TEXTS) oneByOne.push(await inThread.embedQuery(t));
    expectSameVectors(together, oneByOne);
  });

  it("When a large batch is being embedded, Then the event loop keeps turning meanwhile", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    await pooled.embedDocuments(Array.from({ length: 64 }, (_, i) => `${TEXTS[i % TEXTS.length]} ${"and more words ".repeat(20)}${i}`));
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // Blocked, the timer could fire about once; free, it fires on a good share of the milliseconds that passed.
    expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 10));
  });

  it("When the pool is closed, Then requests in flight and later ones are refused with a clear error", async () => {
    const pool = await createEmbedder(loadConfig({ EMBEDDING_WORKERS: "1" }));
    const inFlight = expect(pool.embedDocuments(TEXTS)).rejects.toThrow(/closed/);
    await pool.close!();
    await inFlight;
    await expect(pool.embedQuery("anything")).rejects.toThrow(/closed/);
  });
});
