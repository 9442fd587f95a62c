/**
 * `npm run migrate-index`: copies the embedded index in INDEX_DIR into the
 * PostgreSQL database at DATABASE_URL (pgvector), without re-embedding, and
 * makes it the database's live generation. Then start the servers with
 * VECTOR_STORE=pgvector. Safe to run again: unchanged chunks are not rewritten.
 */
import "dotenv/config";
import { ConfigError, loadConfig } from "../src/config.js";
import { PgGenerationStore } from "../src/store/pgvector/index.js";
import { migrateIndex } from "../src/store/pgvector/migrate.js";

try {
  const config = loadConfig();
  if (config.vectorStore.kind !== "pgvector") throw new ConfigError("set VECTOR_STORE=pgvector and DATABASE_URL to say where the index goes");
  const store = await PgGenerationStore.connect({ connectionString: config.vectorStore.databaseUrl, bm25: config.retrieval.bm25 });
  try {
    const started = performance.now();
    const snapshot = await migrateIndex(config.indexDir, store);
    const { inserted = 0, retired = 0 } = store.lastPublish ?? {};
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `copied ${snapshot.manifest.chunkCount} chunks of ${snapshot.manifest.documentCount} documents from ${config.indexDir} ` +
        `into the database as generation ${snapshot.manifest.generation} (${inserted} rows written, ${retired} retired) in ${seconds}s`,
    );
  } finally {
    await store.close();
  }
} catch (error) {
  const prefix = error instanceof ConfigError ? "migrate-index refused" : "migrate-index failed";
  console.error(`${prefix}: ${(error as Error).message}`);
  process.exit(1);
}
