/**
 * @module build-index
 * The ingest pipeline as one story: load the corpus → chunk → embed → build the
 * vector and keyword indexes → publish a new generation.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Embedder } from "../embeddings/types.js";
import { KeywordIndex } from "../retrieval/keyword-index.js";
import { DEFAULT_HNSW, HnswStore } from "../store/hnsw-store.js";
import { publishGeneration } from "../store/generations.js";
import type { Manifest, SourceFileRecord } from "../store/manifest.js";
import type { StoredDocument } from "../store/snapshot.js";
import { chunkDocument } from "./chunker.js";
import { loadCorpus, type LoadFailure } from "./load-corpus.js";
import type { Chunk, ChunkingOptions, SourceDocument } from "./types.js";
import { readFile } from "node:fs/promises";

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  chunking: ChunkingOptions;
  embedder: Embedder;
}

export interface BuildReport {
  manifest: Manifest;
  failures: LoadFailure[];
  skipped: string[];
  chunksEmbedded: number;
  durationMs: number;
}

export async function buildIndex(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const corpus = await loadCorpus(options.corpusDir);
  const chunks = corpus.documents.flatMap((doc) => chunkDocument(doc, options.chunking));
  const vectors = await options.embedder.embedDocuments(chunks.map(embeddingText));
  const manifest = await publishGeneration(options.indexDir, {
    manifest: {
      embedder: { id: options.embedder.id, dimension: options.embedder.dimension },
      space: "cosine",
      chunking: options.chunking,
      hnsw: DEFAULT_HNSW,
      files: await Promise.all(corpus.documents.map((doc) => describeSource(options.corpusDir, doc.source))),
    },
    chunks,
    documents: new Map(corpus.documents.map((doc) => [doc.source, storedDocument(doc)])),
    vectors: HnswStore.build(chunks.map((c) => c.id), vectors, options.embedder.dimension),
    keywords: KeywordIndex.build(chunks.map((c) => ({ id: c.id, text: c.text, heading: headingText(c) }))),
  });
  return {
    manifest,
    failures: corpus.failures,
    skipped: corpus.skipped,
    chunksEmbedded: chunks.length,
    durationMs: performance.now() - started,
  };
}

/** What the embedder sees: the chunk text, led by its heading path when it adds context. */
export function embeddingText(chunk: Chunk): string {
  const heading = chunk.headingPath.at(-1);
  return heading && !chunk.text.startsWith(heading) ? `${heading}: ${chunk.text}` : chunk.text;
}

/** Title and heading path, the boosted field of keyword search. */
export function headingText(chunk: Chunk): string {
  return [chunk.title, ...chunk.headingPath].join(" ");
}

function storedDocument(doc: SourceDocument): StoredDocument {
  return { source: doc.source, title: doc.title, text: doc.text, ...(doc.pages && { pages: doc.pages }) };
}

async function describeSource(corpusDir: string, source: string): Promise<SourceFileRecord> {
  const file = path.join(corpusDir, source);
  const [info, content] = await Promise.all([stat(file), readFile(file)]);
  return { source, size: info.size, mtimeMs: info.mtimeMs, sha256: createHash("sha256").update(content).digest("hex") };
}
