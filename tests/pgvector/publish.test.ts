/**
 * A publish compares only the rows of the files its records show changed:
 * what it leaves in the database must be what a publish from scratch of the
 * same corpus leaves (rows, documents, keyword statistics).
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { BUNDLED_CALIBRATION } from "../../src/config.js";
import type { Chunk } from "../../src/core/types.js";
import { chunkRecord } from "../../src/ingest/build-index.js";
import { chunkDocument } from "../../src/ingest/chunker.js";
import { keywordDocuments } from "../../src/retrieval/keyword-document.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import type { GenerationInput } from "../../src/store/types.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "../helpers/postgres.js";
import { FERRY, FERRY_REPLACED, KILN, LIBRARY } from "../reindex/fixtures.js";

const embedder = fakeEmbedder();
const CHUNKING = { size: 200, overlap: 40 };

/** The input ingest would build for `files` (source → text), file records included. */
async function inputOf(files: Record<string, string>): Promise<GenerationInput> {
  const documents = Object.entries(files).map(([source, text]) => ({ source, title: source, text, sections: [{ start: 0, headingPath: [] }] }));
  const chunksOf = new Map(documents.map((d) => [d.source, chunkDocument(d, CHUNKING)]));
  const chunks: Chunk[] = [...chunksOf.values()].flat();
  return {
    manifest: {
      embedder: { id: embedder.id, dimension: embedder.dimension },
      space: "cosine",
      chunking: CHUNKING,
      files: documents.map((d) => ({
        source: d.source,
        size: d.text.length,
        mtimeMs: 0,
        sha256: createHash("sha256").update(d.text).digest("hex"),
        ...chunkRecord(chunksOf.get(d.source)!.map((c) => c.text)),
      })),
    },
    chunks,
    documents: new Map(documents.map((d) => [d.source, { source: d.source, title: d.title, text: d.text }])),
    vectors: await embedder.embedDocuments(chunks.map((c) => c.text)),
    keywordDocuments: keywordDocuments(chunks, new Map(documents.map((d) => [d.source, d]))),
  };
}

/** What a reader of the live generation sees, row by row. */
async function liveState(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const live = "first_gen <= l.generation AND (retired_gen IS NULL OR retired_gen > l.generation)";
    const rows = async (sql: string) => (await client.query(sql)).rows;
    return {
      chunks: await rows(`SELECT chunk FROM rag_chunks, rag_live l WHERE ${live} ORDER BY chunk_id`),
      keywords: await rows(`SELECT chunk_id, term_freqs, bm25_length FROM rag_keywords, rag_live l WHERE ${live} ORDER BY chunk_id`),
      documents: await rows(`SELECT document FROM rag_documents, rag_live l WHERE ${live} ORDER BY source`),
      terms: await rows(`SELECT term, df FROM rag_terms, rag_live l WHERE ${live} ORDER BY term`),
      files: await rows(`SELECT record FROM rag_files, rag_live l WHERE ${live} ORDER BY source`),
      stats: await rows("SELECT chunk_count, total_length FROM rag_generations JOIN rag_live USING (generation)"),
    };
  } finally {
    await client.end();
  }
}

describeOnPostgres("publishing to PostgreSQL by changed files", () => {
  let incremental: TestDatabase;
  let scratch: TestDatabase;
  beforeAll(async () => {
    [incremental, scratch] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await incremental?.close();
    await scratch?.close();
  });

  it("When one file changes, one is removed and one added, Then only their rows are written and the database holds what a publish from scratch holds", async () => {
    const store = await PgGenerationStore.connect({ connectionString: incremental.url, bm25: BUNDLED_CALIBRATION.bm25 });
    const fresh = await PgGenerationStore.connect({ connectionString: scratch.url, bm25: BUNDLED_CALIBRATION.bm25 });
    try {
      await store.publish(await inputOf({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY }));
      const next = await inputOf({ "kiln.txt": KILN, "ferry.txt": FERRY_REPLACED, "annex.txt": LIBRARY.replace("Hollowbrook", "Eastmere") });
      await store.publish(next);

      const changedChunks = next.chunks.filter((c) => c.source !== "kiln.txt").length;
      expect(store.lastPublish?.inserted).toBe(changedChunks);
      await fresh.publish(next);
      expect(await liveState(incremental.url)).toEqual(await liveState(scratch.url));
    } finally {
      await store.close();
      await fresh.close();
    }
  });

  it("When the build hands over the live records it read, Then changed files are told from them; a basis no longer live is not trusted", async () => {
    const [incremental, scratch] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const store = await PgGenerationStore.connect({ connectionString: incremental.url, bm25: BUNDLED_CALIBRATION.bm25 });
    const fresh = await PgGenerationStore.connect({ connectionString: scratch.url, bm25: BUNDLED_CALIBRATION.bm25 });
    try {
      const first = await inputOf({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
      await store.publish(first);
      const basis = await store.readLiveManifest();
      // The same number of chunks as before: the live chunk count alone cannot tell the stale basis below from the live one.
      const next = await inputOf({ "kiln.txt": KILN, "ferry.txt": FERRY.replace("40 minutes", "45 minutes"), "library.txt": LIBRARY });
      await store.publish({ ...next, basis });
      expect(store.lastPublish?.inserted).toBe(next.chunks.filter((c) => c.source === "ferry.txt").length);

      // Against the stale basis the first corpus looks unchanged; against what is live, ferry.txt must go back.
      await store.publish({ ...first, basis });
      expect(store.lastPublish?.inserted).toBeGreaterThan(0);
      await fresh.publish(first);
      expect(await liveState(incremental.url)).toEqual(await liveState(scratch.url));
    } finally {
      await Promise.all([store.close(), fresh.close()]);
      await Promise.all([incremental.close(), scratch.close()]);
    }
  });

  it("When a file is only touched (new modification time, same content), Then no chunk is written, its record is, and a build reads every file's current record", async () => {
    const database = await createTestDatabase();
    const store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
    try {
      const first = await inputOf({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
      await store.publish(first);
      const touched = { ...first, manifest: { ...first.manifest, files: first.manifest.files.map((f) => (f.source === "ferry.txt" ? { ...f, mtimeMs: 1234 } : f)) } };
      await store.publish(touched);
      expect(store.lastPublish).toEqual({ inserted: 0, retired: 0 });
      expect((await store.readLiveManifest())?.files).toEqual([...touched.manifest.files].sort((a, b) => (a.source < b.source ? -1 : 1)));
    } finally {
      await store.close();
      await database.close();
    }
  });

  it("When the BM25 parameters change and the corpus does not, Then the next publish weighs every row again and the database holds what a publish from scratch with the new parameters holds", async () => {
    const [before, after] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const input = await inputOf({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
    const reweighted = { k1: 0.9, b: 0.5, headingBoost: 1 };
    // One after the other: two first connections to a new database would both create the extension.
    const old = await PgGenerationStore.connect({ connectionString: before.url, bm25: BUNDLED_CALIBRATION.bm25 });
    const upgraded = await PgGenerationStore.connect({ connectionString: before.url, bm25: reweighted });
    const fresh = await PgGenerationStore.connect({ connectionString: after.url, bm25: reweighted });
    const stores = [old, upgraded, fresh];
    try {
      await old.publish(input);
      expect((await upgraded.readLiveManifest())?.bm25).toEqual(BUNDLED_CALIBRATION.bm25);
      await upgraded.publish(input);
      expect(upgraded.lastPublish?.inserted).toBe(input.chunks.length);
      expect((await upgraded.readLiveManifest())?.bm25).toEqual(reweighted);
      await fresh.publish(input);
      expect(await liveState(before.url)).toEqual(await liveState(after.url));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await Promise.all([before.close(), after.close()]);
    }
  });
});
