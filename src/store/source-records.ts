/**
 * @module source-records
 * The source files a generation was built from, as every store keeps them:
 * what the next build compares the corpus with (by content hash), whatever
 * backend holds the generation.
 */
import { z } from "zod";

export const sourceFileRecordSchema = z.object({
  source: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  sha256: z.string(),
  /** How many chunks the file has, and a SHA-256 over their embedding-cache keys (their embedded texts and the embedder), in order. */
  chunkCount: z.number().int().nonnegative().optional(),
  chunksDigest: z.string().optional(),
  /** The loader that read the file, with its version ("txt@2"); unset in generations built before it was recorded (read again by the next build). */
  loader: z.string().optional(),
  /** When this content of the file was first indexed (ISO 8601); unset in generations built before it was recorded. */
  indexedAt: z.string().optional(),
});
export const unreadableFileRecordSchema = sourceFileRecordSchema.extend({ message: z.string() });

export type SourceFileRecord = z.infer<typeof sourceFileRecordSchema>;
export type UnreadableFileRecord = z.infer<typeof unreadableFileRecordSchema>;

export interface SourceRecords {
  /** Source files the generation was built from, with their content hashes. */
  files: SourceFileRecord[];
  /** Supported files that could not be loaded (corrupt, encrypted): recorded so an unchanged corpus is seen as unchanged. */
  unreadable?: UnreadableFileRecord[];
}
