import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalUseEmbedder } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { memorySnapshot } from "../../src/eval/memory-index.js";
import type { Chunk, IndexSnapshot } from "../../src/core/types.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import type { SearchMode } from "../../src/retrieval/types.js";

const texts: Record<string, string> = {
  password: "To reset a forgotten password, open the account page and choose 'send recovery email'.",
  refund: "Refunds are paid to the original card within 14 days after the returned item arrives.",
  shipping: "Parcels to Norway and Iceland are shipped by DHL and take about a week.",
  zq: "Error code ZQ-4471 means the printer's fuser unit overheated; let it cool for ten minutes.",
  cats: "Domestic cats sleep between twelve and sixteen hours a day.",
  espresso: "Espresso is brewed by forcing hot water through finely ground coffee under pressure.",
};
const chunks: Chunk[] = Object.entries(texts).map(([id, text]) => ({ id, source: `${id}.txt`, title: id, headingPath: [], text, start: 0, end: text.length }));

describe("Retriever over a real (bundled-embedder) index", () => {
  let embedder: Embedder;
  let snapshot: IndexSnapshot;
  beforeAll(async () => {
    embedder = await createLocalUseEmbedder();
    snapshot = await memorySnapshot(chunks, embedder);
  });
  afterAll(() => embedder?.close?.());

  const top = async (query: string, mode: SearchMode, options: Partial<ConstructorParameters<typeof HybridRetriever>[0]> = {}) =>
    (await new HybridRetriever({ embedder, denseWeight: 0.3, ...options }).retrieve(snapshot, query, { k: 3, mode })).map((h) => h.chunk.id);

  it("When the query names a rare code, Then keyword search ranks its passage first", async () => {
    expect((await top("what does ZQ-4471 mean", "keyword"))[0]).toBe("zq");
  });

  it("When the question names a country only by its people, Then keyword search finds the passage that names the country", async () => {
    expect((await top("parcels for Norwegian customers", "keyword"))[0]).toBe("shipping");
    expect((await top("Icelandic delivery time", "keyword"))[0]).toBe("shipping");
  });

  it("When the query shares no word with the answer, Then dense search still finds it and keyword search cannot", async () => {
    expect((await top("How long do kittens and felines nap?", "dense"))[0]).toBe("cats");
    expect(await top("kittens felines nap", "keyword")).toEqual([]);
  });

  it("When searching in hybrid mode with either fusion, Then both kinds of match are found and scores are in [0, 1]", async () => {
    for (const fusion of ["weighted", "rrf"] as const) {
      const retriever = new HybridRetriever({ embedder, denseWeight: 0.3, fusion });
      const hits = await retriever.retrieve(snapshot, "refund of a returned item paid to my card", { k: 3, mode: "hybrid" });
      expect(hits[0]!.chunk.id).toBe("refund");
      for (const h of hits) {
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(1);
      }
    }
    expect((await top("ZQ-4471", "hybrid"))[0]).toBe("zq");
  });

  it("When k exceeds the index size, Then every chunk is returned once", async () => {
    const hits = await new HybridRetriever({ embedder, denseWeight: 0.3, mmrLambda: 0.7 }).retrieve(snapshot, "coffee", { k: 20, mode: "hybrid" });
    expect(new Set(hits.map((h) => h.chunk.id)).size).toBe(hits.length);
    expect(hits.length).toBeLessThanOrEqual(chunks.length);
  });

  it("When a hybrid search ranks many candidates, Then chunk texts are read for the returned hits only, and a hit whose chunk is gone is replaced by the next", async () => {
    const retriever = new HybridRetriever({ embedder, denseWeight: 0.3 });
    const query = "coffee brewed with hot water, or a parcel shipped to Norway";
    const full = (await retriever.retrieve(snapshot, query, { k: chunks.length, mode: "hybrid" })).map((h) => h.chunk.id);
    const requested: string[][] = [];
    const gone = full[0]!;
    const reading: IndexSnapshot = {
      ...snapshot,
      async chunksById(ids) {
        requested.push([...ids]);
        const found = await snapshot.chunksById(ids);
        found.delete(gone);
        return found;
      },
    };
    const hits = await retriever.retrieve(reading, query, { k: 2, mode: "hybrid" });
    expect(hits.map((h) => h.chunk.id)).toEqual(full.slice(1, 3));
    expect(requested).toEqual([full.slice(0, 2), [full[2]]]);
  });
});
