/**
 * @module loaded-snapshot
 * Snapshots whose chunks and documents are all in memory (the embedded store,
 * the evaluation's indexes): their lookups are map reads.
 */
import type { Chunk, IndexSnapshot, LoadedSnapshot } from "../core/types.js";

/** A snapshot over chunks and documents in memory. */
export function loadedSnapshot(parts: Omit<LoadedSnapshot, "chunkById" | "chunksById" | "document" | "listDocuments">): LoadedSnapshot {
  const chunkById = new Map<string, Chunk>();
  for (const chunk of parts.chunks) chunkById.set(chunk.id, chunk);
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
    listDocuments: async () =>
      [...parts.documents.values()].map(({ source, title }) => ({ source, title })).sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
  };
}

/** Whether every chunk and document of the snapshot is in memory (what an incremental build reuses). */
export function isLoaded(snapshot: IndexSnapshot): snapshot is LoadedSnapshot {
  return "chunks" in snapshot;
}
