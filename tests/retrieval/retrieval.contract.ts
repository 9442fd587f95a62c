import { BUNDLED_CALIBRATION } from "../../src/config.js";
/**
 * The retrieval contract every index store keeps: what the Retriever, the
 * evidence scorer and the reindexer rely on, whichever store holds the index.
 * Each store's test calls `describeRetrievalContract` (the embedded HNSW files
 * in tests/retrieval, PostgreSQL + pgvector in tests/pgvector).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalUseEmbedder } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import type { Chunk, IndexSnapshot } from "../../src/core/types.js";
import { KeywordIndex } from "../../src/retrieval/keyword-index.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import { terms } from "../../src/retrieval/tokenize.js";
import type { SearchMode } from "../../src/retrieval/types.js";
import { EmbedderMismatchError } from "../../src/store/errors.js";
import { chunkOf } from "../helpers/publish-chunks.js";
import type { GenerationStore } from "../../src/store/types.js";

export interface OpenedStore {
  store: GenerationStore;
  close(): Promise<void>;
}

// One passage per behaviour: a rare code (keyword), a topic no query word names (dense), a fact that a later generation changes.
const PASSAGES = [
  ["password", "To reset a forgotten password, open the account page and choose 'send recovery email'."],
  ["refund", "Refunds are paid to the original card within 14 days after the returned item arrives."],
  ["shipping", "Parcels to Norway and Iceland are shipped by DHL and take about a week."],
  ["zq", "Error code ZQ-4471 means the printer's fuser unit overheated; let it cool for ten minutes."],
  ["cats", "Domestic cats sleep between twelve and sixteen hours a day."],
  ["espresso", "Espresso is brewed by forcing hot water through finely ground coffee under pressure."],
] as const;

/** Publishes `chunks` as a generation of `store`, embedded by `embedder`. */
async function publish(store: GenerationStore, embedder: Embedder, chunks: Chunk[]): Promise<IndexSnapshot> {
  return store.publish({
    manifest: {
      embedder: { id: embedder.id, dimension: embedder.dimension },
      space: "cosine",
      chunking: { size: 480, overlap: 80 },
      // One record per source file, whose hash changes with any of its chunks.
      files: [...new Map(chunks.map((c) => [c.source, { source: c.source, size: c.text.length, mtimeMs: 0, sha256: chunks.filter((d) => d.source === c.source).map((d) => d.id).join("") }])).values()],
    },
    chunks,
    documents: new Map(chunks.map((c) => [c.source, { source: c.source, title: c.title, text: c.text }])),
    vectors: await embedder.embedDocuments(chunks.map((c) => c.text)),
    keywordDocuments: chunks.map((c) => ({ id: c.id, text: c.text, heading: c.title })),
  });
}

export function describeRetrievalContract(storeName: string, open: () => Promise<OpenedStore>): void {
  describe(`retrieval contract: ${storeName}`, () => {
    let embedder: Embedder;
    let opened: OpenedStore;
    let snapshot: IndexSnapshot;
    const chunks = PASSAGES.map(([id, text]) => chunkOf(id, text));

    beforeAll(async () => {
      embedder = await createLocalUseEmbedder();
      opened = await open();
      snapshot = await publish(opened.store, embedder, chunks);
    });
    afterAll(async () => {
      await opened?.close();
      await embedder?.close?.();
    });

    const top = async (query: string, mode: SearchMode, from = snapshot, k = 3) =>
      (await new HybridRetriever({ embedder, denseWeight: 0.3 }).retrieve(from, query, { k, mode })).map((h) => h.chunk.id);

    it("When the query names a rare code, Then keyword and hybrid search rank its passage first", async () => {
      expect((await top("what does ZQ-4471 mean", "keyword"))[0]).toBe("zq");
      expect((await top("what does ZQ-4471 mean", "hybrid"))[0]).toBe("zq");
    });

    it("When the query shares no word with the answer, Then dense and hybrid search find it and keyword search finds nothing", async () => {
      expect((await top("How long do kittens and felines nap?", "dense"))[0]).toBe("cats");
      expect((await top("How long do kittens and felines nap?", "hybrid"))[0]).toBe("cats");
      expect(await top("kittens felines nap", "keyword")).toEqual([]);
    });

    it("When the query is only stop words, Then keyword search returns nothing", async () => {
      expect(await snapshot.keywords.search("what is the and of it", 5)).toEqual([]);
    });

    it("When dense search runs, Then scores are cosine similarities in [0, 1], best first, and k is capped at the index size", async () => {
      const hits = await snapshot.vectors.search(await embedder.embedQuery("coffee brewing"), 100);
      expect(hits).toHaveLength(chunks.length);
      expect(hits[0]!.id).toBe("espresso");
      for (const [i, hit] of hits.entries()) {
        expect(hit.score).toBeGreaterThanOrEqual(0);
        expect(hit.score).toBeLessThanOrEqual(1);
        if (i) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
      }
      await expect(snapshot.vectors.search([1, 2, 3], 3)).rejects.toThrow(/dimensions/);
    });

    it("When a term is rarer, Then its IDF is higher: unseen > in one chunk (fuser) > in two (day)", async () => {
      const idfOf = await snapshot.keywords.idfFor("fuser days xylophone");
      const idf = (word: string) => idfOf(terms(word)[0]!);
      expect(idf("fuser")).toBeGreaterThan(idf("days"));
      expect(idf("xylophone")).toBeGreaterThan(idf("fuser"));
      expect(idf("days")).toBeGreaterThan(0);
    });

    it("When keyword search runs, Then it ranks and scores as BM25F over the same chunks in memory does", async () => {
      const reference = KeywordIndex.build(chunks.map((c) => ({ id: c.id, text: c.text, heading: c.title })), BUNDLED_CALIBRATION.bm25);
      for (const query of ["printer error code overheated", "refunds card days", "hot water coffee sleep", "shipped to Norway by DHL"]) {
        const [hits, expected] = [await snapshot.keywords.search(query, 5), reference.search(query, 5)];
        expect(hits.map((h) => h.id)).toEqual(expected.map((h) => h.id));
        hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 6));
      }
    });

    it("When a hit's chunk or a source document is asked for, Then it is read from the snapshot's generation, and an unknown one is absent", async () => {
      const found = await snapshot.chunksById(["zq", "no-such-chunk"]);
      expect([...found.keys()]).toEqual(["zq"]);
      expect(found.get("zq")).toEqual(chunks.find((c) => c.id === "zq"));
      expect((await snapshot.document("cats.txt"))?.text).toMatch(/Domestic cats/);
      expect(await snapshot.document("nowhere.txt")).toBeUndefined();
      expect((await snapshot.listDocuments()).map((d) => d.source)).toEqual(chunks.map((c) => c.source).sort());
    });

    it("When the published generation is loaded again, Then it holds the same chunks and answers the same", async () => {
      const loaded = (await opened.store.loadLive(embedder))!.snapshot;
      const ids = chunks.map((c) => c.id);
      expect([...(await loaded.chunksById(ids)).keys()].sort()).toEqual([...ids].sort());
      expect(loaded.manifest.generation).toBe(snapshot.manifest.generation);
      for (const mode of ["dense", "keyword", "hybrid"] as const) {
        expect(await top("printer error code overheated", mode, loaded, 6)).toEqual(await top("printer error code overheated", mode, snapshot, 6));
      }
    });

    it("When a new generation drops one chunk and changes another, Then it never returns them while the old snapshot still sees all of its own", async () => {
      const changed = chunkOf("refund", "Refunds are no longer paid by card; store credit is issued within 3 days.");
      const next = await publish(opened.store, embedder, [...chunks.filter((c) => c.id !== "cats" && c.id !== "refund"), changed]);
      expect(next.manifest.generation).not.toBe(snapshot.manifest.generation);
      expect(await top("How long do kittens and felines nap?", "hybrid", next, 10)).not.toContain("cats");
      expect(await top("store credit refund", "keyword", next)).toEqual(["refund"]);
      expect((await next.chunksById(["refund"])).get("refund")!.text).toMatch(/store credit/);
      expect((await next.chunksById(["cats"])).size).toBe(0);
      expect((await snapshot.chunksById(["cats"])).size).toBe(1);

      expect((await top("How long do kittens and felines nap?", "dense"))[0]).toBe("cats");
      expect(await top("store credit", "keyword")).toEqual([]);
      expect((await opened.store.loadLive(embedder))!.snapshot.manifest.generation).toBe(next.manifest.generation);
    });

    it("When another embedder is configured, Then loading names both embedders and refuses", async () => {
      const other = { id: "other-embedder", dimension: embedder.dimension + 1 };
      const error = await opened.store.loadLive(other).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbedderMismatchError);
      expect((error as Error).message).toContain(embedder.id);
      expect((error as Error).message).toContain("other-embedder");
    });

    it("When the leading chunks are asked for, Then each document's first chunks come by offset, documents in source order, as many as asked", async () => {
      const guide = "The guide opens with a welcome. It goes on to the halls. It ends with the shop.";
      const [first, second, third] = [[0, 31], [32, 56], [57, guide.length]].map(([start, end], i) => ({ ...chunkOf(`guide-${i}`, guide.slice(start, end)), source: "guide.txt", start: start!, end: end! }));
      const withGuide = await publish(opened.store, embedder, [third!, ...chunks, first!, second!]);
      const documents = [...chunks.map((c) => [c]), [first!, second!, third!]].sort(([a], [b]) => (a!.source < b!.source ? -1 : 1));
      expect((await withGuide.leadingChunks(100, 1)).map((c) => c.id)).toEqual(documents.map(([c]) => c!.id));
      expect(await withGuide.leadingChunks(3, 2)).toEqual(documents.slice(0, 3).flatMap((d) => d.slice(0, 2)));
      expect((await withGuide.leadingChunks(100, 2)).filter((c) => c.source === "guide.txt")).toEqual([first, second]);
      expect(await withGuide.leadingChunks(0, 2)).toEqual([]);
    });
  });
}
