/**
 * DATABASE_READ_URL: a server reads from a replica and writes to the primary.
 * The "replica" is a second database, read-only, holding another generation
 * than the primary, so every read shows which of the two it came from.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { BUNDLED_CALIBRATION, loadConfig } from "../../src/config.js";
import type { Chunk } from "../../src/core/types.js";
import { createGenerationStore } from "../../src/store/index.js";
import { PgGenerationStore } from "../../src/store/pgvector/index.js";
import type { GenerationStore } from "../../src/store/types.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "../helpers/postgres.js";
import { chunkOf, publishChunks } from "../helpers/publish-chunks.js";
import { FERRY, KILN, LIBRARY } from "../reindex/fixtures.js";

const embedder = fakeEmbedder();
const publish = (store: GenerationStore, chunks: Chunk[]) => publishChunks(store, embedder, chunks);

describeOnPostgres("a pgvector store with DATABASE_READ_URL", () => {
  let primary: TestDatabase;
  let replica: TestDatabase;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const seed = await PgGenerationStore.connect({ connectionString: replica.url, bm25: BUNDLED_CALIBRATION.bm25 });
    await publish(seed, [chunkOf("kiln", KILN), chunkOf("ferry", FERRY)]);
    await seed.close();
    const admin = new pg.Client({ connectionString: replica.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${new URL(replica.url).pathname.slice(1)} SET default_transaction_read_only = on`);
    await admin.end();
  });
  afterAll(async () => {
    await primary?.close();
    await replica?.close();
  });

  it("When a server is given a read URL, Then it serves what the replica holds, and publishes to and builds from the primary", async () => {
    const config = loadConfig({ VECTOR_STORE: "pgvector", DATABASE_URL: primary.url, DATABASE_READ_URL: replica.url });
    const store = await createGenerationStore(config);
    try {
      const served = (await store.loadLive(embedder))!.snapshot;
      expect(served.manifest.chunkCount).toBe(2);
      expect((await served.keywords.search("Wrenfield ferry", 3))[0]?.id).toBe("ferry");
      expect((await served.document("kiln.txt"))?.title).toBe("kiln");

      // The replica refuses writes, so a publish that succeeds went to the primary.
      await publish(store, [chunkOf("library", LIBRARY)]);
      expect((await store.readLiveManifest())?.chunkCount).toBe(1);
      expect((await store.loadLive(embedder))!.snapshot.manifest.chunkCount).toBe(2);
    } finally {
      await store.close?.();
    }
  });
});
