/**
 * @module keyword-document
 * What keyword search indexes for a chunk. Ingest, the pgvector migration,
 * the eval and the benchmarks all index chunks, and must index them alike.
 */
import type { Chunk, KeywordDocument } from "../core/types.js";
import { headerAbove } from "./tables.js";

/**
 * A chunk as keyword search indexes it: its text, with its title and heading path as the boosted field, and, for a
 * chunk cut from a table below its header, the header's cells (read from its document's text, when given). The rows
 * of a long table's later chunk hold only values: "| A level and IB | £56 | £51 |" is found for "online A level rate
 * per hour" by its header's "Online (per hour)".
 */
export function keywordDocument(chunk: Chunk, documentText?: string): KeywordDocument {
  const tableHeader = documentText === undefined ? undefined : headerAbove(documentText, chunk);
  return { id: chunk.id, text: chunk.text, heading: [chunk.title, ...chunk.headingPath, ...(tableHeader ?? [])].join(" ") };
}

/** Every chunk as keyword search indexes it, the table headers read from `documents` (by source). */
export function keywordDocuments(chunks: readonly Chunk[], documents: ReadonlyMap<string, { text: string }>): KeywordDocument[] {
  return chunks.map((chunk) => keywordDocument(chunk, documents.get(chunk.source)?.text));
}
