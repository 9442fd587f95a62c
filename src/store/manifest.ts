import { z } from "zod";
import type { GenerationManifest } from "../core/types.js";

// 2: keyword terms reduce irregular past forms ("took" → "take").
// 3: segments (binary BM25, chunk texts kept once, in their documents); older indexes are rebuilt.
export const FORMAT_VERSION = 3;

const fileRecord = z.object({
  source: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  sha256: z.string(),
  /** How many chunks the file has, and a SHA-256 over their embedding-cache keys (their embedded texts and the embedder), in order. */
  chunkCount: z.number().int().nonnegative().optional(),
  chunksDigest: z.string().optional(),
  /** The segment of the embedded store holding this file's chunks (see store/segments.ts); unset in Postgres. */
  segment: z.string().optional(),
});
const unreadableRecord = fileRecord.extend({ message: z.string() });
const dataFile = z.object({ size: z.number().int().nonnegative(), crc32: z.number().int().nonnegative() });

const segmentRecord = z.object({
  name: z.string(),
  /** Chunks written in the segment, deleted or not. */
  chunkCount: z.number().int().nonnegative(),
  /** Documents of the segment that a later segment replaced, or that were removed: their chunks are not served. */
  deletedSources: z.array(z.string()).default([]),
});

/**
 * What an index generation records about itself (manifest.json): all a
 * server needs to load it, checked before anything is served from it.
 */
export const indexManifestSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  generation: z.string(),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  space: z.literal("cosine"),
  chunking: z.object({ size: z.number(), overlap: z.number() }),
  hnsw: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number() }),
  chunkCount: z.number().int().nonnegative(),
  documentCount: z.number().int().nonnegative(),
  /** The embedded store's segments, oldest first (see store/segments.ts); none in Postgres. */
  segments: z.array(segmentRecord).default([]),
  /** Every data file of the generation, with its size and checksum, so truncation or corruption is caught at load. */
  dataFiles: z.record(z.string(), dataFile),
});

/**
 * The source files a generation was built from (sources.json, one of its data
 * files): what the next build compares the corpus with. A server does not
 * read it, so a corpus of many files does not slow start-up.
 */
export const sourceRecordsSchema = z.object({
  /** Source files the generation was built from, with their content hashes. */
  files: z.array(fileRecord),
  /** Supported files that could not be loaded (corrupt, encrypted): recorded so an unchanged corpus is seen as unchanged. */
  unreadable: z.array(unreadableRecord).optional(),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;
export type SourceRecords = z.infer<typeof sourceRecordsSchema>;
/** A generation's whole record: how to load it, and what it was built from. */
export type Manifest = IndexManifest & SourceRecords;
/** What any store says of its live generation: its description, and the files it was built from. */
export type GenerationRecord = GenerationManifest & SourceRecords;
export type SegmentRecord = z.infer<typeof segmentRecord>;
export type SourceFileRecord = z.infer<typeof fileRecord>;
export type UnreadableFileRecord = z.infer<typeof unreadableRecord>;
