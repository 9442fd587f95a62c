/**
 * @module bench/generation-input
 * What ingest would hand a store for the benchmark corpus, file records
 * included (so a store can tell changed files from unchanged ones as it does
 * in production), and the same with one document edited: the input of the
 * one-document publish both stores are timed on.
 */
import { createHash } from "node:crypto";
import { LOCAL_USE_ID } from "../../src/embeddings/local-use.js";
import { chunkRecord } from "../../src/ingest/build-index.js";
import { chunkDocument } from "../../src/ingest/chunker.js";
import { keywordDocuments } from "../../src/retrieval/keyword-document.js";
import type { SourceFileRecord } from "../../src/store/source-records.js";
import type { GenerationInput } from "../../src/store/types.js";
import { CHUNKING, type SizedCorpus } from "./dataset.js";
import { DIMENSION } from "./vector-cache.js";

/** The generation ingest would publish for the sized corpus, with a file record per document. */
export function generationInput(corpus: SizedCorpus, rows: Float32Array[]): GenerationInput {
  const keysBySource = new Map<string, string[]>();
  for (const chunk of corpus.chunks) keysBySource.set(chunk.source, [...(keysBySource.get(chunk.source) ?? []), chunk.id]);
  const files = [...corpus.documents.values()].map((doc) => fileRecord(doc.source, doc.text, keysBySource.get(doc.source) ?? []));
  return {
    manifest: { embedder: { id: LOCAL_USE_ID, dimension: DIMENSION }, space: "cosine", chunking: CHUNKING, files },
    chunks: corpus.chunks,
    documents: corpus.documents,
    vectors: rows,
    keywordDocuments: keywordDocuments(corpus.chunks, corpus.documents),
  };
}

/** The record ingest would make of a file holding `text`, its chunk ids standing in for embedding keys. */
function fileRecord(source: string, text: string, chunkIds: string[]): SourceFileRecord {
  return { source, size: text.length, mtimeMs: 0, sha256: createHash("sha256").update(text).digest("hex"), ...chunkRecord(chunkIds) };
}

/**
 * `input` with its first document edited (a sentence appended): re-chunked,
 * the new chunks given the old chunks' vectors, since embedding is not what
 * is measured. Returns the input and the id of a chunk that only the new version has.
 */
export function withOneDocumentChanged(input: GenerationInput, rows: Float32Array[]): { input: GenerationInput; newChunkId: string } {
  const source = input.chunks[0]!.source;
  const old = input.documents.get(source)!;
  const text = `${old.text} This sentence was added to measure an incremental publish.`;
  const rechunked = chunkDocument({ source, title: old.title, text, sections: [{ start: 0, headingPath: [] }] }, CHUNKING);
  const kept = input.chunks.flatMap((chunk, i) => (chunk.source === source ? [] : [i]));
  const chunks = [...kept.map((i) => input.chunks[i]!), ...rechunked];
  const vectors = [...kept.map((i) => rows[i]!), ...rechunked.map((_, j) => rows[j]!)];
  const documents = new Map([...input.documents, [source, { ...old, text }]]);
  const files = input.manifest.files.map((f) =>
    f.source === source ? fileRecord(source, text, rechunked.map((c) => c.id)) : f,
  );
  return {
    input: {
      manifest: { ...input.manifest, files },
      chunks,
      documents,
      vectors,
      keywordDocuments: keywordDocuments(chunks, documents),
    },
    newChunkId: rechunked.at(-1)!.id,
  };
}
