/**
 * @module loaded-snapshot
 * Snapshots whose chunks and documents are all in memory (the embedded store,
 * the evaluation's indexes): their lookups are map reads.
 */
import type { Chunk, IndexSnapshot, LoadedSnapshot } from "../core/types.js";

/** A snapshot over chunks and documents in memory. */
export function loadedSnapshot(parts: Omit<LoadedSnapshot, "chunkById" | "chunksById" | "document" | "listDocuments" | "leadingChunks">): LoadedSnapshot {
  const chunkById = new Map<string, Chunk>();
  for (const chunk of parts.chunks) chunkById.set(chunk.id, chunk);
  let byDocument: Chunk[][] | undefined; // grouped on first use: most snapshots are never asked
  return {
    ...parts,
    chunkById,
    async chunksById(ids) {
      const found = new Map<string, Chunk>();
      for (const id of ids) {
        const chunk = chunkById.get(id);
        if (chunk) found.set(id, chunk);
      }
      return found;
    },
    document: async (source) => parts.documents.get(source),
    listDocuments: async () => [...parts.documents.values()].map(({ source, title }) => ({ source, title })).sort(bySource),
    async leadingChunks(documents, perDocument) {
      byDocument ??= groupByDocument(parts.chunks);
      return byDocument.slice(0, documents).flatMap((chunks) => chunks.slice(0, perDocument));
    },
  };
}

/** The chunks of each document by offset, documents by source. */
function groupByDocument(chunks: Chunk[]): Chunk[][] {
  const groups = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const group = groups.get(chunk.source);
    if (group) group.push(chunk);
    else groups.set(chunk.source, [chunk]);
  }
  return [...groups.values()].sort((a, b) => bySource(a[0]!, b[0]!)).map((group) => group.sort((a, b) => a.start - b.start));
}

// Code-unit order, as PostgreSQL's COLLATE "C": both stores list documents alike.
const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/** Whether every chunk and document of the snapshot is in memory (what an incremental build reuses). */
export function isLoaded(snapshot: IndexSnapshot): snapshot is LoadedSnapshot {
  return "chunks" in snapshot;
}
