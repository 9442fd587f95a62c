/**
 * @module pgvector/pg-generation-store
 * Index generations in PostgreSQL + pgvector, for corpora and traffic beyond
 * one machine's HNSW file: several server processes share one database.
 *
 * A publish is one transaction (serialised across processes by an advisory
 * lock): chunk rows that are new in this generation are inserted, rows the new
 * generation no longer has are marked retired, and the live pointer moves.
 * Readers pin a generation number and filter by it, so they see the old or the
 * new generation, never a mix, even while the transaction runs.
 *
 * LangChain's PGVectorStore is not used for this: it has no full-text search,
 * no notion of generations (its rows are live or deleted, so a reindex would be
 * visible half-done), and no way to write inside a caller's transaction. Row
 * ids are UUIDs derived from chunk content (row-id.ts), so its tables could
 * still address these rows.
 */
import pg from "pg";
import type { Chunk, EmbedderIdentity, IndexSnapshot, StoredDocument } from "../../core/types.js";
import { checkEmbedder } from "../errors.js";
import type { GenerationInput, GenerationRecord, GenerationStore, LoadOutcome } from "../types.js";
import type { Logger } from "../../logger.js";
import type { IndexHolder } from "../index-holder.js";
import { followLiveGeneration } from "./follower.js";
import { PgKeywordSearch } from "./pg-keyword-search.js";
import { PgVectorStore } from "./pg-vector-store.js";
import { contentUuid } from "./row-id.js";
import { CATALOG_DDL, deferIndexWhenEmpty, ensureDataTables, HNSW_INDEX, vectorLiteral, visibleAt } from "./schema.js";

// Any fixed number: every process publishing to this database takes the same lock.
const PUBLISH_LOCK = 7_286_173;
// Rows per INSERT statement: well under Postgres's 65,535 bind parameters.
const INSERT_BATCH = 500;
// Candidates HNSW visits per query: at least the retriever's largest candidate pool (TOP_K 20 × 5).
const EF_SEARCH = 200;

export interface PgStoreOptions {
  connectionString: string;
  /** Connections in the pool; a publish holds one for its transaction while requests use the others. */
  maxConnections?: number;
  /** How often `follow` checks for a generation another process published; 0 (default): it does not. */
  followIntervalMs?: number;
}

/** What a publish changed, in rows: the figures behind "only changed chunks are written". */
export interface PublishCounts {
  inserted: number;
  retired: number;
}

export class PgGenerationStore implements GenerationStore {
  /** Row counts of the last publish by this process. */
  lastPublish?: PublishCounts;

  private constructor(
    readonly pool: pg.Pool,
    private readonly followIntervalMs: number,
  ) {}

  /** Connects and creates the catalog tables (and the vector extension) if they are missing. */
  static async connect({ connectionString, maxConnections = 4, followIntervalMs = 0 }: PgStoreOptions): Promise<PgGenerationStore> {
    // Filtering by generation happens after the HNSW scan; iterative scans keep going until k rows pass the filter.
    // Set per session at connection start-up, so no query runs on a connection without them.
    const options = `-c hnsw.ef_search=${EF_SEARCH} -c hnsw.iterative_scan=strict_order`;
    const pool = new pg.Pool({ connectionString, max: maxConnections, options });
    // An idle connection the server drops (restart, failover) is discarded by the pool and the next query
    // opens a new one; without a listener, that 'error' event would crash the process.
    pool.on("error", () => undefined);
    try {
      await pool.query(CATALOG_DDL);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgGenerationStore(pool, followIntervalMs);
  }

  follow(options: { index: IndexHolder; embedder: EmbedderIdentity; logger: Logger }): () => void {
    if (!this.followIntervalMs) return () => undefined;
    return followLiveGeneration({ ...options, store: this, intervalMs: this.followIntervalMs });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async readLiveManifest(): Promise<GenerationRecord | undefined> {
    return (await this.live())?.manifest;
  }

  async loadLive(embedder: EmbedderIdentity): Promise<LoadOutcome | undefined> {
    const live = await this.live();
    if (!live) return undefined;
    const { manifest, generation } = live;
    checkEmbedder(manifest.embedder, embedder, "the database");
    const chunks = await this.pool.query<{ chunk: Chunk; heading: string }>(
      `SELECT chunk, heading FROM rag_chunks WHERE ${visibleAt(1)} ORDER BY source, start_offset, chunk_id`,
      [generation],
    );
    const documents = await this.pool.query<{ document: StoredDocument }>(
      `SELECT document FROM rag_documents WHERE ${visibleAt(1)} ORDER BY source`,
      [generation],
    );
    const snapshot = this.snapshot(
      manifest,
      generation,
      chunks.rows.map((r) => r.chunk),
      chunks.rows.map((r) => r.heading),
      documents.rows.map((r) => r.document),
    );
    return { snapshot, rejected: [] };
  }

  async publish(input: GenerationInput): Promise<IndexSnapshot> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [PUBLISH_LOCK]);
      await ensureDataTables(client, input.manifest.embedder.dimension);
      const deferred = await deferIndexWhenEmpty(client);
      const previous = await client.query<{ generation: string }>("SELECT generation FROM rag_live");
      const last = await client.query<{ max: string | null }>("SELECT max(generation) AS max FROM rag_generations");
      const generation = Number(last.rows[0]?.max ?? 0) + 1;
      const manifest = manifestOf(input, generation);

      const chunkRows = input.chunks.map((chunk, i) => ({ rowId: contentUuid(input.manifest.embedder.id, JSON.stringify(chunk)), i }));
      const inserted = await insertNew(client, "rag_chunks", chunkRows.map((r) => r.rowId), (rowIds) => {
        const rows = chunkRows.filter((r) => rowIds.has(r.rowId));
        return {
          columns: ["row_id", "chunk_id", "source", "start_offset", "chunk", "heading", "body", "embedding", "first_gen"],
          values: rows.map(({ rowId, i }) => {
            const chunk = input.chunks[i]!;
            const keyword = input.keywordDocuments[i]!;
            return [rowId, chunk.id, chunk.source, chunk.start, JSON.stringify(chunk), keyword.heading, keyword.text, vectorLiteral(input.vectors[i]!), generation];
          }),
        };
      });
      const retired = await retireOthers(client, "rag_chunks", chunkRows.map((r) => r.rowId), generation);
      if (deferred) await client.query(HNSW_INDEX);

      const documents = [...input.documents.values()];
      const documentIds = documents.map((d) => contentUuid(JSON.stringify(d)));
      await insertNew(client, "rag_documents", documentIds, (rowIds) => ({
        columns: ["row_id", "source", "document", "first_gen"],
        values: documents.flatMap((d, i) => (rowIds.has(documentIds[i]!) ? [[documentIds[i]!, d.source, JSON.stringify(d), generation]] : [])),
      }));
      await retireOthers(client, "rag_documents", documentIds, generation);

      await client.query("INSERT INTO rag_generations (generation, manifest) VALUES ($1, $2)", [generation, JSON.stringify(manifest)]);
      await client.query(
        "INSERT INTO rag_live (generation) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation",
        [generation],
      );
      const kept = previous.rows[0] ? Number(previous.rows[0].generation) : generation;
      await pruneBefore(client, kept);
      // Fresh statistics: without them the planner may sort the whole table by distance instead of using HNSW.
      await client.query("ANALYZE rag_chunks, rag_documents");
      await client.query("COMMIT");
      this.lastPublish = { inserted, retired };
      return this.snapshot(manifest, generation, input.chunks, input.keywordDocuments.map((k) => k.heading), documents);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The live generation's name (as in its manifest), read from the one-row pointer; undefined before the first publish. */
  async liveGeneration(): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ generation: string }>("SELECT generation FROM rag_live");
    return rows[0] && generationName(Number(rows[0].generation));
  }

  private async live(): Promise<{ generation: number; manifest: GenerationRecord } | undefined> {
    const { rows } = await this.pool.query<{ generation: string; manifest: GenerationRecord }>(
      "SELECT l.generation, g.manifest FROM rag_live l JOIN rag_generations g USING (generation)",
    );
    return rows[0] && { generation: Number(rows[0].generation), manifest: rows[0].manifest };
  }

  private snapshot(manifest: GenerationRecord, generation: number, chunks: Chunk[], headings: string[], documents: StoredDocument[]): IndexSnapshot {
    return {
      manifest,
      chunks,
      chunkById: new Map(chunks.map((c) => [c.id, c])),
      documents: new Map(documents.map((d) => [d.source, d])),
      vectors: new PgVectorStore(this.pool, generation, manifest.embedder.dimension, chunks.length),
      keywords: PgKeywordSearch.forGeneration(this.pool, generation, chunks.map((c, i) => ({ body: c.text, heading: headings[i]! }))),
    };
  }
}

/** The generation's record; there are no data files to checksum, the database guards its own pages. */
function manifestOf(input: GenerationInput, generation: number): GenerationRecord {
  return {
    ...input.manifest,
    generation: generationName(generation),
    builtAt: new Date().toISOString(),
    chunkCount: input.chunks.length,
    documentCount: input.documents.size,
  };
}

function generationName(generation: number): string {
  return `pg-${generation}`;
}

type Rows = { columns: string[]; values: unknown[][] };

/** Inserts the rows among `rowIds` that no live row has yet; returns how many. */
async function insertNew(
  client: pg.PoolClient,
  table: string,
  rowIds: string[],
  rowsFor: (missing: Set<string>) => Rows,
): Promise<number> {
  const { rows: present } = await client.query<{ row_id: string }>(
    `SELECT row_id FROM ${table} WHERE retired_gen IS NULL AND row_id = ANY($1::uuid[])`,
    [rowIds],
  );
  const have = new Set(present.map((r) => r.row_id));
  // A row retired by an earlier generation may come back (a file restored): it is revived, not duplicated.
  const missing = new Set(rowIds.filter((id) => !have.has(id)));
  await client.query(`DELETE FROM ${table} WHERE row_id = ANY($1::uuid[])`, [[...missing]]);
  const { columns, values } = rowsFor(missing);
  for (let start = 0; start < values.length; start += INSERT_BATCH) {
    const batch = values.slice(start, start + INSERT_BATCH);
    const params = batch.flat();
    const tuples = batch.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(", ")})`);
    await client.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
  }
  return values.length;
}

/** Marks live rows not in `keep` as retired by `generation`; returns how many. */
async function retireOthers(client: pg.PoolClient, table: string, keep: string[], generation: number): Promise<number> {
  const result = await client.query(
    `UPDATE ${table} SET retired_gen = $2 WHERE retired_gen IS NULL AND first_gen < $2 AND NOT (row_id = ANY($1::uuid[]))`,
    [keep, generation],
  );
  return result.rowCount ?? 0;
}

/**
 * Deletes what neither the new generation nor `kept` (the one it replaces, which
 * requests in flight and slower replicas may still read) can see.
 */
async function pruneBefore(client: pg.PoolClient, kept: number): Promise<void> {
  await client.query("DELETE FROM rag_chunks WHERE retired_gen <= $1", [kept]);
  await client.query("DELETE FROM rag_documents WHERE retired_gen <= $1", [kept]);
  await client.query("DELETE FROM rag_generations WHERE generation < $1", [kept]);
}
