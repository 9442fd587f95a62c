import { z } from "zod";
import { sourceFileRecordSchema, unreadableFileRecordSchema } from "../source-records.js";

// 2: keyword terms reduce irregular past forms ("took" → "take").
// 3: segments (binary BM25, chunk texts kept once, in their documents); older indexes are rebuilt.
export const FORMAT_VERSION = 3;

/** A source file's record, with the segment of the embedded store that holds its chunks. */
const fileRecord = sourceFileRecordSchema.extend({ segment: z.string().optional() });
const dataFile = z.object({ size: z.number().int().nonnegative(), crc32: z.number().int().nonnegative() });

const segmentRecord = z.object({
  name: z.string(),
  /** Chunks written in the segment, deleted or not. */
  chunkCount: z.number().int().nonnegative(),
  /** Documents of the segment that a later segment replaced, or that were removed: their chunks are not served. */
  deletedSources: z.array(z.string()).default([]),
});

/**
 * What an embedded generation records about itself (manifest.json): the
 * backend-neutral description (core's GenerationManifest) and the file layout
 * (segments, data files, HNSW parameters): all a server needs to load it,
 * checked before anything is served from it.
 */
export const indexManifestSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  generation: z.string(),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  space: z.literal("cosine"),
  chunking: z.object({ size: z.number(), overlap: z.number() }),
  hnsw: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number() }),
  /** BM25 parameters of the keyword segments; absent in generations written before they were recorded. */
  bm25: z.object({ k1: z.number(), b: z.number(), headingBoost: z.number() }).optional(),
  chunkCount: z.number().int().nonnegative(),
  documentCount: z.number().int().nonnegative(),
  /** The segments, oldest first (see segments.ts). */
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
  files: z.array(fileRecord),
  unreadable: z.array(unreadableFileRecordSchema).optional(),
});

export type IndexManifest = z.infer<typeof indexManifestSchema>;
export type SourceRecords = z.infer<typeof sourceRecordsSchema>;
/** A generation's whole record: how to load it, and what it was built from. */
export type Manifest = IndexManifest & SourceRecords;
export type SegmentRecord = z.infer<typeof segmentRecord>;
