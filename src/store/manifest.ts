import { z } from "zod";

// 2: keyword terms reduce irregular past forms ("took" → "take"); older keyword indexes are rebuilt.
export const FORMAT_VERSION = 2;

const fileRecord = z.object({
  source: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  sha256: z.string(),
  /**
   * SHA-256 of each chunk's embedded text and the embedder id, in chunk order:
   * the keys of the embedding cache, so a change can be told in chunks.
   */
  chunks: z.array(z.string()).optional(),
});
const unreadableRecord = fileRecord.extend({ message: z.string() });
const dataFile = z.object({ size: z.number(), sha256: z.string() });

/** What an index generation records about itself; checked before anything is served from it. */
export const manifestSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  generation: z.string(),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimension: z.number().int().positive() }),
  space: z.literal("cosine"),
  chunking: z.object({ size: z.number(), overlap: z.number() }),
  hnsw: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number() }),
  chunkCount: z.number().int().nonnegative(),
  documentCount: z.number().int().nonnegative(),
  /** Source files the generation was built from, with their content hashes. */
  files: z.array(fileRecord),
  /** Supported files that could not be loaded (corrupt, encrypted): recorded so an unchanged corpus is seen as unchanged. */
  unreadable: z.array(unreadableRecord).optional(),
  /** Every data file of the generation, with its size and hash, so truncation or corruption is caught at load. */
  dataFiles: z.record(z.string(), dataFile),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type SourceFileRecord = z.infer<typeof fileRecord>;
export type UnreadableFileRecord = z.infer<typeof unreadableRecord>;
