import { BUNDLED_CALIBRATION } from "../../src/config.js";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLocalUseEmbedder } from "../../src/embeddings/local-use.js";
import type { Embedder } from "../../src/embeddings/types.js";
import { buildIndex } from "../../src/ingest/build-index.js";
import { readLiveManifest } from "../../src/store/embedded/generations.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import { migrateIndex } from "../../src/store/pgvector/migrate.js";
import type { LoadedSnapshot } from "../../src/core/types.js";
import { loaded } from "../helpers/loaded.js";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "../helpers/postgres.js";
import { embeddedStore } from "../../src/store/embedded/index.js";
import { makeTempDir } from "../helpers/test-server.js";
import { FERRY, KILN, LIBRARY, writeCorpus } from "../reindex/fixtures.js";

describeOnPostgres("migrating an embedded index into PostgreSQL", () => {
  let embedder: Embedder;
  let database: TestDatabase;
  let store: PgGenerationStore;
  let corpusDir: string;
  let indexDir: string;
  let embedded: LoadedSnapshot;

  beforeAll(async () => {
    embedder = await createLocalUseEmbedder();
    corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
    indexDir = path.join(await makeTempDir("rag-migrate-"), "index");
    embedded = loaded((await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking: { size: 480, overlap: 80 }, embedder })).published);
    database = await createTestDatabase();
    store = await PgGenerationStore.connect({ connectionString: database.url, bm25: BUNDLED_CALIBRATION.bm25 });
  });
  afterAll(async () => {
    await store?.close();
    await database?.close();
    await embedder?.close?.();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
    await rm(path.dirname(indexDir), { recursive: true, force: true });
  });

  it("When the live embedded index is migrated, Then the database serves the same chunks, documents and vectors", async () => {
    const migrated = await migrateIndex(indexDir, store);
    expect(store.lastPublish).toEqual({ inserted: embedded.chunks.length, retired: 0 });
    const fromDatabase = (await store.loadLive(embedder))!.snapshot;
    expect(fromDatabase.manifest.generation).toBe(migrated.manifest.generation);
    const files = (await readLiveManifest(indexDir))!.files.map(({ segment: _segment, ...file }) => file);
    expect((await store.readLiveManifest())!.files).toEqual(files);
    const ids = embedded.chunks.map((c) => c.id);
    expect(await fromDatabase.chunksById(ids)).toEqual(embedded.chunkById);
    for (const [source, document] of embedded.documents) expect(await fromDatabase.document(source)).toEqual(document);

    const query = await embedder.embedQuery("When does the ferry leave?");
    const [before, after] = [await embedded.vectors.search(query, 3), await fromDatabase.vectors.search(query, 3)];
    expect(after.map((h) => h.id)).toEqual(before.map((h) => h.id));
    after.forEach((hit, i) => expect(hit.score).toBeCloseTo(before[i]!.score, 5));
  });

  it("When the same index is migrated again, Then no row is written and nothing is retired", async () => {
    await migrateIndex(indexDir, store);
    expect(store.lastPublish).toEqual({ inserted: 0, retired: 0 });
  });

  it("When there is no embedded index, Then migrating says to ingest first", async () => {
    await expect(migrateIndex(path.join(indexDir, "missing"), store)).rejects.toThrow(/npm run ingest/);
  });
});
