/**
 * @module pgvector/pg-generation-store
 * Index generations in PostgreSQL + pgvector, for corpora and traffic beyond
 * one machine's HNSW file: several server processes share one database.
 *
 * A publish is one transaction (serialised across processes by an advisory
 * lock): chunk rows that are new in this generation are inserted, rows the new
 * generation no longer has are marked retired, and the live pointer moves.
 * Source file records are rows too, written for the files that changed only,
 * so a one-document publish writes a few rows whatever the corpus size.
 * Readers pin a generation number and filter by it, so they see the old or the
 * new generation, never a mix, even while the transaction runs.
 *
 * A server loads only the live generation's manifest and statistics: dense and
 * keyword search run in the database, and chunk texts and documents are read
 * for the hits of a request only, so a replica's memory and start-up time do
 * not grow with the corpus.
 *
 * LangChain's PGVectorStore is not used for this: it has no full-text search,
 * no notion of generations (its rows are live or deleted, so a reindex would be
 * visible half-done), and no way to write inside a caller's transaction. Row
 * ids are UUIDs derived from chunk content (row-id.ts), so its tables could
 * still address these rows.
 */
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import type { Chunk, EmbedderIdentity, IndexSnapshot, StoredDocument } from "../../core/types.js";
import { checkEmbedder } from "../errors.js";
import type { GenerationInput, GenerationRecord, GenerationStore, LoadOutcome } from "../types.js";
import type { SourceFileRecord } from "../source-records.js";
import { termWeights, type Bm25Parameters } from "../../retrieval/bm25.js";
import type { Logger } from "../../logger.js";
import type { IndexHolder } from "../index-holder.js";
import { followLiveGeneration } from "./follower.js";
import { guardedQuery, type Query } from "./guarded-query.js";
import { averageLength, PgKeywordSearch, tfPartSql, type CollectionStats } from "./pg-keyword-search.js";
import { PgVectorStore } from "./pg-vector-store.js";
import { contentUuid } from "./row-id.js";
import { CATALOG_DDL, CURRENT_LAYOUT, deferIndexWhenEmpty, ensureDataTables, HNSW_INDEX, lexemeList, vectorLiteral, visibleAt } from "./schema.js";

// Any fixed number: every process publishing to this database takes the same lock.
const PUBLISH_LOCK = 7_286_173;
// Rows per INSERT statement: well under Postgres's 65,535 bind parameters.
const INSERT_BATCH = 500;
// Candidates HNSW visits per query, pgvector's largest: graphs built with ef_construction 200 (schema.ts) reach
// recall@10 0.999 at ef 1000 on the benchmark's 100k chunks, dense search p50 8 ms (scripts/bench-pgvector.ts, docs/SCALING.md).
const EF_SEARCH = 1000;
// Past this share of rows changed by one publish, the planner's statistics are refreshed in the transaction.
const ANALYZE_SHARE = 0.1;

export interface PgStoreOptions {
  connectionString: string;
  /**
   * A read replica (hot standby) of `connectionString` that the serving path
   * reads: searches, chunk texts, documents, the live pointer. Publishes, and
   * the manifest a build compares with, use `connectionString` (the primary).
   */
  readConnectionString?: string;
  /** Connections in the pool; a publish holds one for its transaction while requests use the others. */
  maxConnections?: number;
  /** How often `follow` checks for a generation another process published; 0 (default): it does not. */
  followIntervalMs?: number;
  /**
   * Longest a request's statement may run, and longest a request waits for a
   * connection, in ms (0: no limit). Publishing lifts the statement limit for its own transaction.
   */
  statementTimeoutMs?: number;
  /** BM25 parameters a publish indexes with (config's); readers use those recorded with the generation. */
  bm25: Bm25Parameters;
}

/** What a publish changed, in rows: the figures behind "only changed chunks are written". */
export interface PublishCounts {
  inserted: number;
  retired: number;
}

interface LiveGeneration {
  generation: number;
  manifest: GenerationRecord;
  stats: CollectionStats | undefined;
}

export class PgGenerationStore implements GenerationStore {
  /** Row counts of the last publish by this process. */
  lastPublish?: PublishCounts;

  /** Queries of the serving path, on the read replica if there is one: a database that is away fails them with IndexUnavailableError. */
  private readonly query: Query;
  /** The same on the primary, for what must see the latest publish: the manifest a build compares with. */
  private readonly primaryQuery: Query;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly readPool: pg.Pool | undefined,
    private readonly followIntervalMs: number,
    readonly bm25: Bm25Parameters,
  ) {
    this.primaryQuery = guardedQuery(pool);
    this.query = readPool ? guardedQuery(readPool) : this.primaryQuery;
  }

  /** Connects to the primary (and the read replica, if one is given); see openPool. */
  static async connect(options: PgStoreOptions): Promise<PgGenerationStore> {
    const { connectionString, readConnectionString, followIntervalMs = 0, bm25 } = options;
    const pool = await openPool(connectionString, options);
    const readPool = readConnectionString ? await openPool(readConnectionString, options).catch(async (error: unknown) => {
      await pool.end();
      throw error;
    }) : undefined;
    return new PgGenerationStore(pool, readPool, followIntervalMs, bm25);
  }

  follow(options: { index: IndexHolder; embedder: EmbedderIdentity; logger: Logger }): () => void {
    if (!this.followIntervalMs) return () => undefined;
    return followLiveGeneration({ ...options, store: this, intervalMs: this.followIntervalMs });
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.readPool?.end()]);
  }

  /** One round trip to the database, for readiness checks. */
  async ping(): Promise<void> {
    await this.query("SELECT 1");
  }

  async readLiveManifest(): Promise<GenerationRecord | undefined> {
    const live = await this.live(true);
    // A generation from before keyword search moved into SQL has no statistics: the next build rewrites every row.
    return live?.stats && live.manifest;
  }

  async loadLive(embedder: EmbedderIdentity): Promise<LoadOutcome | undefined> {
    const live = await this.live(false);
    if (!live?.stats) return undefined;
    const { manifest, generation, stats } = live;
    checkEmbedder(manifest.embedder, embedder, "the database");
    return { snapshot: this.snapshot(manifest, generation, stats), rejected: [] };
  }

  async publish(input: GenerationInput): Promise<IndexSnapshot> {
    const client = await this.pool.connect();
    // A connection lost mid-transaction (server restart, terminated backend) fails the query in progress, which
    // rolls the publish back; the client's own 'error' event would otherwise crash the process.
    const ignore = () => undefined;
    client.on("error", ignore);
    let failure: Error | undefined;
    try {
      await client.query("BEGIN");
      // A first load of a large corpus takes longer than any request may; the limit is the requests' own.
      await client.query("SET LOCAL statement_timeout = 0");
      await client.query("SELECT pg_advisory_xact_lock($1)", [PUBLISH_LOCK]);
      await ensureDataTables(client, input.manifest.embedder.dimension);
      const deferred = await deferIndexWhenEmpty(client);
      const previous = await client.query<{ generation: string; manifest: GenerationRecord; chunk_count: string | null; total_length: number | null }>(
        "SELECT generation, manifest, chunk_count, total_length FROM rag_live JOIN rag_generations USING (generation)",
      );
      const last = await client.query<{ max: string | null }>("SELECT max(generation) AS max FROM rag_generations");
      const generation = Number(last.rows[0]?.max ?? 0) + 1;
      const manifest = manifestOf(input, generation, this.bm25);

      // Only the rows of changed files are compared when the file records can tell which those are. The live records
      // are the build's basis when it is still live (the lock held, no other publish can come between), else read here.
      const live = previous.rows[0];
      const liveChunks = Number(live?.chunk_count ?? 0);
      let changes: ChangedSources | undefined;
      if (!deferred && live && liveChunks) {
        const liveGeneration = Number(live.generation);
        const basis = input.basis?.generation === generationName(liveGeneration)
          ? input.basis
          : { ...live.manifest, files: await fileRecords(async (text, values) => (await client.query(text, values)).rows, liveGeneration) };
        changes = changedSources(basis, liveChunks, manifest);
      }
      const changed = changes?.content;
      const compared = <T extends { source: string }>(items: T[]) => (changed ? items.filter((item) => changed.has(item.source)) : items);

      const chunks = compared(input.chunks.map((chunk, i) => ({ chunk, i, source: chunk.source })));
      // A row holds the chunk's BM25 term weights: under other parameters the same chunk is another row.
      const weighting = `${this.bm25.k1}:${this.bm25.b}:${this.bm25.headingBoost}`;
      const chunkIds = chunks.map(({ chunk }) => contentUuid(input.manifest.embedder.id, weighting, JSON.stringify(chunk)));
      const chunkColumns = ["row_id", "chunk_id", "source", "start_offset", "chunk", "embedding", "first_gen"];
      const inserted = await insertNew(client, "rag_chunks", chunkIds, chunkColumns, (j) => {
        const { chunk, i } = chunks[j]!;
        return [chunkIds[j]!, chunk.id, chunk.source, chunk.start, JSON.stringify(chunk), vectorLiteral(input.vectors[i]!), generation];
      });
      await insertNew(client, "rag_keywords", chunkIds, ["row_id", "chunk_id", "terms", "term_freqs", "bm25_length", "first_gen"], (j) => {
        const { chunk, i } = chunks[j]!;
        const tf = new Map<string, number>();
        const length = termWeights(input.keywordDocuments[i]!, this.bm25, tf);
        return [chunkIds[j]!, chunk.id, lexemeList([...tf.keys()], " "), JSON.stringify(Object.fromEntries(tf)), length, generation];
      });
      const retired = await retireOthers(client, "rag_chunks", chunkIds, generation, changed);
      // A chunk's keyword row goes with its chunk row.
      await client.query(
        `UPDATE rag_keywords k SET retired_gen = $1 FROM rag_chunks c
         WHERE c.retired_gen = $1 AND k.row_id = c.row_id AND k.retired_gen IS NULL`,
        [generation],
      );
      if (deferred) await client.query(HNSW_INDEX);

      const documents = compared([...input.documents.values()]);
      const documentIds = documents.map((d) => contentUuid(JSON.stringify(d)));
      await insertNew(client, "rag_documents", documentIds, ["row_id", "source", "document", "first_gen"], (i) => [
        documentIds[i]!,
        documents[i]!.source,
        JSON.stringify(documents[i]!),
        generation,
      ]);
      await retireOthers(client, "rag_documents", documentIds, generation, changed);

      const files = changes ? manifest.files.filter((file) => changes.records.has(file.source)) : manifest.files;
      const fileIds = files.map((file) => contentUuid(JSON.stringify(file)));
      const fileColumns = ["row_id", "source", "sha256", "chunks_digest", "chunk_count", "size", "mtime_ms", "indexed_at", "record", "first_gen"];
      await insertNew(client, "rag_files", fileIds, fileColumns, (i) => {
        const file = files[i]!;
        return [fileIds[i]!, file.source, file.sha256, file.chunksDigest ?? null, file.chunkCount ?? null, file.size, file.mtimeMs, file.indexedAt ?? null, JSON.stringify(file), generation];
      });
      await retireOthers(client, "rag_files", fileIds, generation, changes?.records);

      // Emptied tables (first load, new embedder or layout) start from no statistics, whatever the catalog still says.
      const before = deferred || !previous.rows[0]?.chunk_count ? { chunkCount: 0, totalLength: 0 } : {
        chunkCount: Number(previous.rows[0].chunk_count),
        totalLength: Number(previous.rows[0].total_length),
      };
      const stats = { ...(await updateStatistics(client, generation, before, this.bm25)), bm25: this.bm25 };
      await client.query(
        "INSERT INTO rag_generations (generation, manifest, chunk_count, total_length, bm25) VALUES ($1, $2, $3, $4, $5)",
        // The file records are rows of rag_files.
        [generation, JSON.stringify({ ...manifest, files: [] }), stats.chunkCount, stats.totalLength, JSON.stringify(stats.bm25)],
      );
      await client.query(
        "INSERT INTO rag_live (generation) VALUES ($1) ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation",
        [generation],
      );
      const kept = previous.rows[0] ? Number(previous.rows[0].generation) : generation;
      await pruneBefore(client, kept);
      // Fresh statistics after a bulk change: without them the planner may sort the whole table by distance instead of using HNSW.
      if (deferred || inserted + retired > ANALYZE_SHARE * stats.chunkCount) await client.query("ANALYZE rag_chunks, rag_keywords, rag_documents, rag_terms");
      await client.query("COMMIT");
      this.lastPublish = { inserted, retired };
      return this.snapshot(manifest, generation, stats);
    } catch (error) {
      failure = error as Error;
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.off("error", ignore);
      // After a failure the connection may be broken: the pool closes it rather than lend it again.
      client.release(failure);
    }
  }

  /** The live generation's name (as in its manifest), read from the one-row pointer; undefined before the first publish. */
  async liveGeneration(): Promise<string | undefined> {
    const rows = await this.query<{ generation: string }>("SELECT generation FROM rag_live");
    return rows[0] && generationName(Number(rows[0].generation));
  }

  /**
   * The live generation's manifest and statistics. A server does not need the
   * per-file records (only a build compares them), so they stay in the database unless `withFiles`.
   */
  private async live(withFiles: boolean): Promise<LiveGeneration | undefined> {
    // A build compares the corpus with what is live on the primary, where it will publish; a replica may lag.
    const query = withFiles ? this.primaryQuery : this.query;
    const rows = await query<{ generation: string; manifest: GenerationRecord; chunk_count: string | null; total_length: number | null; bm25: Bm25Parameters | null; current: boolean }>(
      `SELECT l.generation, jsonb_set(${withFiles ? "g.manifest" : "g.manifest - 'unreadable'"}, '{files}', '[]') AS manifest,
         g.chunk_count, g.total_length, g.bm25, ${CURRENT_LAYOUT} AS current
       FROM rag_live l JOIN rag_generations g USING (generation)`,
    );
    const row = rows[0];
    if (!row) return undefined;
    // A generation in an earlier layout of the tables is not served: the next build rewrites every row.
    const stats = row.chunk_count === null || !row.bm25 || !row.current ? undefined : { chunkCount: Number(row.chunk_count), totalLength: Number(row.total_length), bm25: row.bm25 };
    const generation = Number(row.generation);
    if (withFiles && stats) row.manifest.files = await fileRecords(query, generation);
    return { generation, manifest: row.manifest, stats };
  }

  private snapshot(manifest: GenerationRecord, generation: number, stats: CollectionStats): IndexSnapshot {
    const { query } = this;
    return {
      manifest,
      vectors: new PgVectorStore(query, generation, manifest.embedder.dimension, stats.chunkCount),
      keywords: new PgKeywordSearch(query, generation, stats),
      async chunksById(ids) {
        if (!ids.length) return new Map();
        const rows = await query<{ chunk: Chunk }>(`SELECT chunk FROM rag_chunks WHERE chunk_id = ANY($1::text[]) AND ${visibleAt(2)}`, [ids, generation]);
        return new Map(rows.map(({ chunk }) => [chunk.id, chunk]));
      },
      async document(source) {
        const rows = await query<{ document: StoredDocument }>(`SELECT document FROM rag_documents WHERE source = $1 AND ${visibleAt(2)}`, [source, generation]);
        return rows[0]?.document;
      },
      listDocuments: () =>
        query<{ source: string; title: string }>(`SELECT source, document->>'title' AS title FROM rag_documents WHERE ${visibleAt(1)} ORDER BY source COLLATE "C"`, [generation]),
      async leadingChunks(documents, perDocument) {
        const rows = await query<{ chunk: Chunk }>(
          `SELECT chunk FROM (
             SELECT chunk, source, row_number() OVER (PARTITION BY source ORDER BY (chunk->>'start')::int) AS place FROM rag_chunks
             WHERE source IN (SELECT source FROM rag_documents WHERE ${visibleAt(1)} ORDER BY source COLLATE "C" LIMIT $2) AND ${visibleAt(1)}
           ) numbered WHERE place <= $3 ORDER BY source COLLATE "C", place`,
          [generation, documents, perDocument],
        );
        return rows.map(({ chunk }) => chunk);
      },
    };
  }
}

/**
 * A pool with the store's session settings; unless the server is read-only (a
 * replica), creates the catalog tables and the vector extension if they are missing.
 */
async function openPool(connectionString: string, { maxConnections = 4, statementTimeoutMs = 0 }: PgStoreOptions): Promise<pg.Pool> {
  // Filtering by generation happens after the HNSW scan; iterative scans keep going until k rows pass the filter.
  // random_page_cost as for SSDs: at the default (4, for spinning disks) the planner may prefer a sequential scan of
  // every keyword row to the GIN index, which fetches the matching rows' only.
  // Set per session at connection start-up, so no query runs on a connection without them.
  const options = `-c hnsw.ef_search=${EF_SEARCH} -c hnsw.iterative_scan=strict_order -c random_page_cost=1.1`;
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    options,
    // A database that is down or unreachable fails a request within the timeout instead of holding it.
    ...(statementTimeoutMs > 0 && { statement_timeout: statementTimeoutMs, connectionTimeoutMillis: statementTimeoutMs }),
  });
  // An idle connection the server drops (restart, failover) is discarded by the pool and the next query
  // opens a new one; without a listener, that 'error' event would crash the process.
  pool.on("error", () => undefined);
  try {
    // A read replica (hot standby) refuses DDL, even IF NOT EXISTS: its tables come from the primary.
    const { rows } = await pool.query<{ transaction_read_only: string }>("SHOW transaction_read_only");
    if (rows[0]?.transaction_read_only !== "on") await pool.query(CATALOG_DDL);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

/** The generation's record, with the BM25 parameters its rows were weighted by; there are no data files to checksum, the database guards its own pages. */
function manifestOf(input: GenerationInput, generation: number, bm25: Bm25Parameters): GenerationRecord {
  return {
    ...input.manifest,
    bm25,
    generation: generationName(generation),
    builtAt: new Date().toISOString(),
    chunkCount: input.chunks.length,
    documentCount: input.documents.size,
  };
}

function generationName(generation: number): string {
  return `pg-${generation}`;
}

/**
 * Inserts the rows among `rowIds` that no live row has yet; returns how many.
 * `valuesOf(i)` gives row i's column values: called one batch at a time, so a
 * first load of a large corpus never holds every row's text form at once.
 */
async function insertNew(
  client: pg.PoolClient,
  table: string,
  rowIds: string[],
  columns: string[],
  valuesOf: (i: number) => unknown[],
): Promise<number> {
  const { rows: present } = await client.query<{ row_id: string }>(
    `SELECT row_id FROM ${table} WHERE retired_gen IS NULL AND row_id = ANY($1::uuid[])`,
    [rowIds],
  );
  const have = new Set(present.map((r) => r.row_id));
  // A row retired by an earlier generation may come back (a file restored): it is revived, not duplicated.
  const missing = rowIds.flatMap((id, i) => (have.has(id) ? [] : [i]));
  await client.query(`DELETE FROM ${table} WHERE row_id = ANY($1::uuid[])`, [missing.map((i) => rowIds[i]!)]);
  for (let start = 0; start < missing.length; start += INSERT_BATCH) {
    const batch = missing.slice(start, start + INSERT_BATCH).map(valuesOf);
    const params = batch.flat();
    const tuples = batch.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(", ")})`);
    await client.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
  }
  return missing.length;
}

/** Marks live rows not in `keep` (of the `sources` given, else of any) as retired by `generation`; returns how many. */
async function retireOthers(client: pg.PoolClient, table: string, keep: string[], generation: number, sources?: Set<string>): Promise<number> {
  const result = await client.query(
    `UPDATE ${table} SET retired_gen = $2 WHERE retired_gen IS NULL AND first_gen < $2 AND NOT (row_id = ANY($1::uuid[]))
     ${sources ? "AND source = ANY($3::text[])" : ""}`,
    sources ? [keep, generation, [...sources]] : [keep, generation],
  );
  return result.rowCount ?? 0;
}

/** Sources whose rows a publish must compare, and sources whose file record it must write again. */
interface ChangedSources {
  /** Files added, removed or changed (content hash or chunk digest): their chunk and document rows may differ. */
  content: Set<string>;
  /** Those, and files whose record alone changed (size, modification time, when indexed). */
  records: Set<string>;
}

/** A generation's file records, in source order. */
async function fileRecords(query: Query, generation: number): Promise<SourceFileRecord[]> {
  const rows = await query<{ record: SourceFileRecord }>(`SELECT record FROM rag_files WHERE ${visibleAt(1)} ORDER BY source COLLATE "C"`, [generation]);
  return rows.map((row) => row.record);
}

/**
 * The sources whose rows may differ between the live generation (`basis`: its
 * manifest and file records) and `manifest`, so that a publish hashes and
 * compares only their rows instead of every row (seconds at 100k chunks).
 * Compared in memory: joining every record with the live rows in SQL took
 * over a second of a one-document publish at 160k files.
 * Undefined when the records cannot tell: the live generation's records do
 * not account for every chunk it holds (published without them), a record
 * lacks its chunk digest, or the embedder, chunking or BM25 parameters changed
 * (a generation that does not record the last is taken to have changed them).
 */
function changedSources(basis: GenerationRecord, liveChunkCount: number, manifest: GenerationRecord): ChangedSources | undefined {
  const sameSettings = (["embedder", "chunking", "bm25"] as const).every((key) => isDeepStrictEqual(basis[key], manifest[key]));
  const accounted = basis.files.reduce((sum, file) => sum + (file.chunkCount ?? 0), 0) === liveChunkCount;
  if (!sameSettings || !accounted || [...basis.files, ...manifest.files].some((file) => file.chunksDigest === undefined)) return undefined;
  const before = new Map(basis.files.map((file) => [file.source, file]));
  const content = new Set<string>();
  const records = new Set<string>();
  for (const file of manifest.files) {
    const old = before.get(file.source);
    before.delete(file.source);
    // Another loader version may have read the same chunks with another title: the file's rows are written anew.
    if (!old || old.sha256 !== file.sha256 || old.loader !== file.loader || old.chunksDigest !== file.chunksDigest) content.add(file.source);
    if (!old || content.has(file.source) || old.size !== file.size || old.mtimeMs !== file.mtimeMs || old.indexedAt !== file.indexedAt) records.add(file.source);
  }
  // Files the live generation has and the new one does not: removed.
  for (const source of before.keys()) {
    content.add(source);
    records.add(source);
  }
  return { content, records };
}

/**
 * Brings the collection statistics from the previous generation's (`before`)
 * to `generation`'s, from the keyword rows it added and retired only: the
 * chunk count and total length, and each changed term's row (document
 * frequency and score bound) becomes a new `rag_terms` row while the old one
 * is retired, as chunk rows are. A bound only ever grows: once the chunk that
 * set it is retired it is looser than it need be, never too low.
 */
async function updateStatistics(
  client: pg.PoolClient,
  generation: number,
  before: { chunkCount: number; totalLength: number },
  bm25: Bm25Parameters,
): Promise<{ chunkCount: number; totalLength: number }> {
  const { rows } = await client.query<{ added: string; added_length: number; removed: string; removed_length: number }>(
    `SELECT (SELECT count(*) FROM rag_keywords WHERE first_gen = $1) AS added,
            (SELECT coalesce(sum(bm25_length), 0) FROM rag_keywords WHERE first_gen = $1) AS added_length,
            (SELECT count(*) FROM rag_keywords WHERE retired_gen = $1) AS removed,
            (SELECT coalesce(sum(bm25_length), 0) FROM rag_keywords WHERE retired_gen = $1) AS removed_length`,
    [generation],
  );
  const change = rows[0]!;
  const chunkCount = before.chunkCount + Number(change.added) - Number(change.removed);
  const totalLength = before.totalLength + Number(change.added_length) - Number(change.removed_length);
  await client.query(
    `WITH added AS (
       SELECT f.key AS term, count(*)::integer AS n,
              max(${tfPartSql("f.value::float8", "k.bm25_length", { k1: "$2", b: "$3", averageLength: "$4" })}) AS max_impact
       FROM rag_keywords k CROSS JOIN jsonb_each_text(k.term_freqs) AS f WHERE k.first_gen = $1 GROUP BY f.key
     ), removed AS (
       SELECT jsonb_object_keys(term_freqs) AS term, count(*)::integer AS n FROM rag_keywords WHERE retired_gen = $1 GROUP BY 1
     ), delta AS (
       SELECT term, coalesce(a.n, 0) - coalesce(r.n, 0) AS change, a.max_impact
       FROM added a FULL JOIN removed r USING (term)
     ), replaced AS (
       UPDATE rag_terms t SET retired_gen = $1 FROM delta d WHERE t.term = d.term AND t.retired_gen IS NULL
       RETURNING t.term, t.df, t.max_impact, t.impact_avg_length
     )
     INSERT INTO rag_terms (term, df, max_impact, impact_avg_length, first_gen)
     SELECT d.term, coalesce(r.df, 0) + d.change,
            greatest(coalesce(d.max_impact, 0), coalesce(r.max_impact * greatest(1, $4::float8 / r.impact_avg_length), 0)), $4::float8, $1
     FROM delta d LEFT JOIN replaced r USING (term)
     WHERE coalesce(r.df, 0) + d.change > 0`,
    // At the average length PgKeywordSearch scores with, so that a bound is exactly the best score it stands for.
    [generation, bm25.k1, bm25.b, averageLength({ chunkCount, totalLength })],
  );
  return { chunkCount, totalLength };
}

/**
 * Deletes what neither the new generation nor `kept` (the one it replaces, which
 * requests in flight and slower replicas may still read) can see.
 */
async function pruneBefore(client: pg.PoolClient, kept: number): Promise<void> {
  await client.query("DELETE FROM rag_chunks WHERE retired_gen <= $1", [kept]);
  await client.query("DELETE FROM rag_keywords WHERE retired_gen <= $1", [kept]);
  await client.query("DELETE FROM rag_documents WHERE retired_gen <= $1", [kept]);
  await client.query("DELETE FROM rag_files WHERE retired_gen <= $1", [kept]);
  await client.query("DELETE FROM rag_terms WHERE retired_gen <= $1", [kept]);
  await client.query("DELETE FROM rag_generations WHERE generation < $1", [kept]);
}
