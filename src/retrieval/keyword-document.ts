/**
 * @module keyword-document
 * What keyword search indexes for a chunk. Ingest, the pgvector migration,
 * the eval and the benchmarks all index chunks, and must index them alike.
 */
import type { Chunk, KeywordDocument } from "../core/types.js";

/** A chunk as keyword search indexes it: its text, with its title and heading path as the boosted field. */
export function keywordDocument(chunk: Chunk): KeywordDocument {
  return { id: chunk.id, text: chunk.text, heading: [chunk.title, ...chunk.headingPath].join(" ") };
}
