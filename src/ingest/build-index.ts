/**
 * @module build-index
 * The ingest pipeline as one story: see what changed since the live generation
 * → load and chunk the changed files, in parse worker threads under a time
 * budget per file (unchanged ones come from the snapshot a
 * server is serving, when it has one) → embed only chunks the embedding cache
 * lacks → publish a new generation with every current chunk. The store decides
 * what to rewrite (the embedded store writes a segment for the changed files
 * and marks their old chunks deleted), so a removed file leaves nothing behind.
 */
import { createHash } from "node:crypto";
import type { Embedder } from "../embeddings/types.js";
import { keywordDocument } from "../retrieval/keyword-document.js";
import type { GenerationRecord, GenerationStore } from "../store/types.js";
import type { SourceFileRecord, SourceRecords, UnreadableFileRecord } from "../store/source-records.js";
import type { Chunk, IndexSnapshot, StoredDocument } from "../core/types.js";
import { isLoaded } from "../store/loaded-snapshot.js";
import { countDeletedChunks, planChanges, chunkedAlike, type ChangePlan, type PlanSettings } from "./change-plan.js";
import { EmbeddingCache, embeddingKey } from "../embeddings/embedding-cache.js";
import { mapInOrder } from "./in-order.js";
import { mapInSlices } from "./slices.js";
import { FILES_IN_FLIGHT, listCorpusFiles, loadFiles, loaderTypeOfFile, partitionSupported, readCorpusFile, statCorpusFile, type CorpusFile, type LoadFailure } from "./load-corpus.js";
import { loaderVersion } from "./loaders/index.js";
import { ParseWorkers } from "./parse-workers.js";
import type { BuildProgress } from "./progress.js";
import { PageStore } from "../sources/web/page-store.js";
import { DEFAULT_LOAD_LIMITS, type ChunkingOptions, type LoadLimits, type SourceDocument } from "./types.js";

// Chunks per embedder call: small enough for steady progress and little lost work on a crash.
const EMBED_BATCH = 64;

/** What every build works from and publishes to: the same for a one-off build, a server's first open and its reindexes. */
export interface IngestSetup {
  corpusDir: string;
  /** Where the embedding cache is kept (and, for the embedded store, the generations). */
  indexDir: string;
  chunking: ChunkingOptions;
  /** Per-file bounds (size, time); default DEFAULT_LOAD_LIMITS. */
  loading?: LoadLimits;
  /** The worker threads that load and chunk files (a server keeps one set, they take a second to start); default: ones started for this build and stopped after. */
  parser?: ParseWorkers;
  embedder: Embedder;
  /** Where generations are published (see store/index.ts): required, so that no caller writes files by forgetting which store is configured. */
  store: GenerationStore;
}

export interface BuildOptions extends IngestSetup {
  /** Ignore the live generation and the embedding cache: embed everything again. */
  full?: boolean;
  /** The live generation failed its checks: publish a new one even if the corpus has not changed (embeddings are still reused). */
  liveIsDamaged?: boolean;
  /**
   * The snapshot a server is serving. When it is the live generation, the
   * unchanged files' documents and chunks are taken from it rather than read,
   * parsed and chunked again (seconds for tens of thousands of files).
   */
  serving?: IndexSnapshot;
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildReport {
  /** The live generation's manifest after the build: the new one, or the unchanged previous one. */
  manifest: GenerationRecord;
  /** The new generation, ready to serve; undefined when the index was already up to date. */
  published?: IndexSnapshot;
  files: Omit<ChangePlan, "upToDate">;
  chunks: { embedded: number; reused: number; deleted: number };
  failures: LoadFailure[];
  skipped: string[];
  durationMs: number;
}

/** Brings the index of `corpusDir` up to date; the caller holds the ingest lock. */
export async function buildIndex(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { embedder, onProgress } = options;
  // Crawled web pages (SOURCE_URLS) are built like corpus files, from the copies the last crawl kept.
  const listed = [...(await listCorpusFiles(options.corpusDir)), ...(await new PageStore(options.indexDir).files())];
  const { supported, skipped } = partitionSupported(listed);
  const loading = options.loading ?? DEFAULT_LOAD_LIMITS;
  const records = await describeSources(supported, loading);
  const { store } = options;
  const previous = await store.readLiveManifest();
  const settings: PlanSettings = { embedderId: embedder.id, chunking: options.chunking, bm25: store.bm25 };
  const plan = planChanges(records, previous, settings);
  const { upToDate, ...files } = plan;
  const elapsed = () => performance.now() - started;

  if (upToDate && previous && !options.full && !options.liveIsDamaged) {
    const failures = (previous.unreadable ?? []).map(({ source, message }) => ({ source, message }));
    return { manifest: previous, files, chunks: { embedded: 0, reused: previous.chunkCount, deleted: 0 }, failures, skipped, durationMs: elapsed() };
  }

  const unchanged = options.full ? new Map() : unchangedContents(options.serving, previous, plan, settings);
  const toLoad = supported.filter((file) => !unchanged.has(file.source));
  onProgress?.({ phase: "files", done: 0, total: toLoad.length });
  const parser = options.parser ?? new ParseWorkers();
  const loaded = await loadFiles(toLoad, options.corpusDir, { parser, chunking: options.chunking, limits: loading }, (done) =>
    onProgress?.({ phase: "files", done, total: toLoad.length }),
  ).finally(() => (options.parser ? undefined : parser.close()));
  const { failures } = loaded;
  const loadedBySource = new Map(loaded.parsed.map(({ document, chunks }) => [document.source, { document: storedDocument(document), chunks }]));
  // Every readable file in corpus order, from the serving snapshot or just loaded.
  const contents = supported.flatMap((file): DocumentContents[] => {
    const found = unchanged.get(file.source) ?? loadedBySource.get(file.source);
    return found ? [found] : [];
  });
  const documents = contents.map((c) => c.document);
  const documentsBySource = new Map(documents.map((doc) => [doc.source, doc]));
  const chunks = contents.flatMap((c) => c.chunks);
  // Passes over every chunk run a slice at a time: a 20 MB file is 60,000 chunks, and requests are being served.
  const keys = await mapInSlices(chunks, (chunk) => embeddingKey(embedder.id, embeddingText(chunk)));
  const cache = await EmbeddingCache.open(options.indexDir, embedder);
  if (options.full) await cache.clear();
  const reused = keys.filter((key) => cache.has(key)).length;
  const embedded = await embedMissing(chunks, keys, cache, embedder, onProgress);

  const recordBySource = new Map<string, SourceFileRecord>(records.map((r) => [r.source, r]));
  const indexedAt = indexedSince(previous, plan, new Date().toISOString());
  const keysBySource = new Map<string, string[]>(documents.map((doc) => [doc.source, []]));
  await mapInSlices(keys, (key, i) => keysBySource.get(chunks[i]!.source)!.push(key));
  const sources: SourceRecords = {
    files: documents.map((doc) => ({ ...recordBySource.get(doc.source)!, ...chunkRecord(keysBySource.get(doc.source)!), indexedAt: indexedAt(doc.source) })),
    unreadable: failures.map((f): UnreadableFileRecord => ({ ...recordBySource.get(f.source)!, message: f.message })),
  };
  const published = await store.publish({
    manifest: { embedder: { id: embedder.id, dimension: embedder.dimension }, space: "cosine", chunking: options.chunking, ...sources },
    chunks,
    documents: documentsBySource,
    vectors: keys.map((key) => cache.get(key)!),
    keywordDocuments: await mapInSlices(chunks, (chunk) => keywordDocument(chunk, documentsBySource.get(chunk.source)?.text)),
    basis: previous,
  });
  await cache.compact(new Set(keys));
  return {
    manifest: { ...published.manifest, ...sources },
    published,
    files,
    chunks: { embedded, reused, deleted: countDeletedChunks(previous, reused) },
    failures,
    skipped,
    durationMs: elapsed(),
  };
}

/** A file's chunks as its manifest record describes them: how many, and a digest of their embedding keys. */
export function chunkRecord(keys: readonly string[]): { chunkCount: number; chunksDigest: string } {
  // 64 bits of SHA-256 tell a changed list of chunks from an unchanged one.
  return { chunkCount: keys.length, chunksDigest: createHash("sha256").update(keys.join("\n")).digest("hex").slice(0, 16) };
}

/** When each file's current content was first indexed: kept from the previous generation for unchanged files (reread ones too), else `now`. */
function indexedSince(previous: GenerationRecord | undefined, plan: ChangePlan, now: string): (source: string) => string {
  const unchanged = new Set([...plan.unchanged, ...plan.reread]);
  const before = new Map((previous?.files ?? []).map((f) => [f.source, f.indexedAt]));
  return (source) => (unchanged.has(source) && before.get(source)) || now;
}

/** What the embedder sees: the chunk text, led by its heading path when it adds context. */
export function embeddingText(chunk: Chunk): string {
  const heading = chunk.headingPath.at(-1);
  return heading && !chunk.text.startsWith(heading) ? `${heading}: ${chunk.text}` : chunk.text;
}

/**
 * Embeds each distinct text the cache lacks, batch by batch, saving every
 * batch to the cache before the next: work done before a crash is kept.
 * Returns how many texts were embedded.
 */
async function embedMissing(
  chunks: Chunk[],
  keys: string[],
  cache: EmbeddingCache,
  embedder: Embedder,
  onProgress?: (p: BuildProgress) => void,
): Promise<number> {
  const missing = new Map<string, string>();
  await mapInSlices(keys, (key, i) => {
    if (!cache.has(key)) missing.set(key, embeddingText(chunks[i]!));
  });
  const todo = [...missing];
  if (!todo.length) return 0;
  onProgress?.({ phase: "embed", done: 0, total: todo.length });
  for (let i = 0; i < todo.length; i += EMBED_BATCH) {
    const batch = todo.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embedDocuments(batch.map(([, text]) => text));
    await cache.add(batch.map(([key], j) => ({ key, vector: vectors[j]! })));
    onProgress?.({ phase: "embed", done: i + batch.length, total: todo.length });
  }
  return todo.length;
}

interface DocumentContents {
  document: StoredDocument;
  chunks: Chunk[];
}

/**
 * The documents and chunks of unchanged files, from the snapshot being served,
 * when that snapshot is the live generation and was chunked as this build
 * would chunk (same embedder and chunking); otherwise none.
 */
function unchangedContents(
  serving: IndexSnapshot | undefined,
  previous: GenerationRecord | undefined,
  plan: ChangePlan,
  settings: PlanSettings,
): Map<string, DocumentContents> {
  // A snapshot that reads its rows on demand (PostgreSQL) has no contents in memory: unchanged files are read again.
  if (!serving || !isLoaded(serving) || serving.manifest.generation !== previous?.generation || !chunkedAlike(previous, settings)) return new Map();
  const contents = new Map<string, DocumentContents>();
  for (const source of plan.unchanged) {
    const document = serving.documents.get(source);
    if (document) contents.set(source, { document, chunks: [] });
  }
  for (const chunk of serving.chunks) contents.get(chunk.source)?.chunks.push(chunk);
  return contents;
}

function storedDocument(doc: SourceDocument): StoredDocument {
  return { source: doc.source, title: doc.title, text: doc.text, ...(doc.pages && { pages: doc.pages }) };
}

/**
 * Size, mtime and content hash of each file, a few files at a time (a corpus may hold tens of thousands).
 * A file over the size limit is not read (it will not be loaded either): size and mtime stand in for its hash.
 */
function describeSources(files: CorpusFile[], limits: LoadLimits): Promise<SourceFileRecord[]> {
  return mapInOrder(files, FILES_IN_FLIGHT, async (file) => {
    const info = await statCorpusFile(file.absolutePath);
    const identity = info.size > limits.maxFileBytes ? `over-limit:${info.size}:${info.mtimeMs}` : await readCorpusFile(file.absolutePath);
    const sha256 = createHash("sha256").update(identity).digest("hex");
    return { source: file.source, size: info.size, mtimeMs: info.mtimeMs, sha256, loader: loaderVersion(loaderTypeOfFile(file)!) };
  });
}
