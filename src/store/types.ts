/**
 * @module store/types
 * Where index generations are published and read from: the seam that lets the
 * ingest pipeline and the reindexer work unchanged on the embedded files
 * (`store/embedded`) or on PostgreSQL + pgvector (`store/pgvector`). Chosen by
 * VECTOR_STORE in store/index.ts. Everything here is backend-neutral: how a
 * backend lays a generation out is its own business.
 */
import type { Bm25Parameters, Chunk, EmbedderIdentity, GenerationManifest, IndexSnapshot, KeywordDocument, StoredDocument } from "../core/types.js";
import type { Logger } from "../logger.js";
import type { IndexUnusableError } from "./errors.js";
import type { IndexHolder } from "./index-holder.js";
import type { SourceRecords } from "./source-records.js";

/** What any store says of its live generation: its description, and the files it was built from. */
export type GenerationRecord = GenerationManifest & SourceRecords;

/** Everything a new generation consists of, before any store-specific index is built over it. */
export interface GenerationInput {
  /** How the generation was built (embedder, chunking) and from which files; the store adds its name, time and counts. */
  manifest: Pick<GenerationManifest, "embedder" | "space" | "chunking"> & SourceRecords;
  chunks: Chunk[];
  documents: Map<string, StoredDocument>;
  /** The embedding of each chunk, in chunk order (plain arrays or float32 rows). */
  vectors: ArrayLike<number>[];
  /** What keyword search indexes for each chunk (body and boosted heading), in chunk order. */
  keywordDocuments: KeywordDocument[];
  /**
   * The live generation's record as the build read it (`readLiveManifest`) before planning this input. While it
   * is still the live generation, a store may tell changed files from it instead of reading every file's record again.
   */
  basis?: GenerationRecord;
}

export interface LoadOutcome<S extends IndexSnapshot = IndexSnapshot> {
  snapshot: S;
  /** Generations that were tried first and could not be used, with the reason. */
  rejected: { generation: string; error: IndexUnusableError }[];
}

export interface GenerationStore {
  /** The BM25 parameters it builds new generations' keyword indexes with. */
  readonly bm25: Bm25Parameters;
  /** The live generation's record when it is intact, else undefined: what an incremental build compares with. */
  readLiveManifest(): Promise<GenerationRecord | undefined>;
  /** Makes `input` the live generation atomically and returns it ready to serve. */
  publish(input: GenerationInput): Promise<IndexSnapshot>;
  /** The live generation, checked against the configured embedder; undefined when none was published. */
  loadLive(embedder: EmbedderIdentity): Promise<LoadOutcome | undefined>;
  /**
   * Keeps `index` on the live generation when other processes publish (stores
   * shared by several servers); returns the function that stops following.
   */
  follow?(options: { index: IndexHolder; embedder: EmbedderIdentity; logger: Logger }): () => void;
  /** One round trip to the server the store depends on, if any (readiness); throws when it does not answer. */
  ping?(): Promise<void>;
  /** Releases connections, if the store holds any. */
  close?(): Promise<void>;
}
