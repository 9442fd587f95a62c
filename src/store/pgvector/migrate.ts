/**
 * @module pgvector/migrate
 * Copies the live embedded index (INDEX_DIR) into PostgreSQL without
 * re-embedding: the vectors are read back out of the HNSW file.
 */
import type { IndexSnapshot } from "../../core/types.js";
import { keywordDocuments } from "../../retrieval/keyword-document.js";
import { loadLiveIndex, readLiveManifest } from "../embedded/generations.js";
import { SegmentedVectorStore } from "../embedded/segmented-vector-store.js";
import { isLoaded } from "../loaded-snapshot.js";
import type { PgGenerationStore } from "./pg-generation-store.js";

/** Publishes the live generation of `indexDir` as a new generation of `store`; returns it. Throws when there is no index. */
export async function migrateIndex(indexDir: string, store: PgGenerationStore): Promise<IndexSnapshot> {
  const manifest = await readLiveManifest(indexDir);
  if (!manifest) throw new Error(`no intact index in ${indexDir}: run \`npm run ingest\` first`);
  // The index's own embedder is the expected one: nothing is embedded, so the configured embedder does not matter here.
  const { snapshot } = (await loadLiveIndex(indexDir, manifest.embedder))!;
  if (!isLoaded(snapshot) || !(snapshot.vectors instanceof SegmentedVectorStore)) throw new Error(`the index in ${indexDir} is not an embedded HNSW index`);
  const vectorOf = new Map(snapshot.vectors.entries());
  // What a generation records about how it was built is carried over; the rest is the new generation's own.
  const { embedder, space, chunking, files, unreadable } = manifest;
  return store.publish({
    manifest: { embedder, space, chunking, files: files.map(({ segment: _segment, ...file }) => file), ...(unreadable && { unreadable }) },
    chunks: snapshot.chunks,
    documents: snapshot.documents,
    vectors: snapshot.chunks.map((chunk) => vectorOf.get(chunk.id)!),
    keywordDocuments: keywordDocuments(snapshot.chunks, snapshot.documents),
  });
}
