/**
 * @module store
 * The generation store VECTOR_STORE names: the embedded files in INDEX_DIR,
 * or PostgreSQL + pgvector. The Postgres driver is only loaded when it is
 * chosen.
 */
import type { Config } from "../config.js";
import { embeddedStore } from "./embedded/index.js";
import type { GenerationStore } from "./types.js";

export type { GenerationInput, GenerationRecord, GenerationStore, LoadOutcome } from "./types.js";

export async function createGenerationStore(config: Pick<Config, "indexDir" | "vectorStore" | "retrieval">): Promise<GenerationStore> {
  if (config.vectorStore.kind === "hnsw") return embeddedStore(config.indexDir, { bm25: config.retrieval.bm25 });
  const { PgGenerationStore } = await import("./pgvector/index.js");
  const { databaseUrl, readUrl, pollMs, poolSize, statementTimeoutMs } = config.vectorStore;
  return PgGenerationStore.connect({
    connectionString: databaseUrl,
    readConnectionString: readUrl,
    followIntervalMs: pollMs,
    maxConnections: poolSize,
    statementTimeoutMs,
    bm25: config.retrieval.bm25,
  });
}
