/**
 * @module bench/dataset
 * The benchmark corpus: SciFact abstracts and SQuAD paragraphs from
 * ../shared/bench-data, chunked by the product's own chunker, interleaved so
 * that every size mixes both. Sizes beyond the unique chunks are reached by
 * replicas: in replica r every chunk lives in its own document (`copy-r/…`),
 * keeps its text (so keyword search sees real term statistics) and gets the
 * original's vector with the signs of its coordinates flipped by a seeded
 * ±1 pattern of that replica. Sign flips keep every distance within a replica,
 * so each replica has the geometry of real text embeddings, while replicas
 * lie far from one another; queries are flipped the same way, each into one
 * replica, so every query has a real neighbourhood to be found among all
 * `size` points. (Small random noise instead would make 50 copies of a chunk
 * a tight ball whose "top 10" is an arbitrary pick: recall would measure the noise.)
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { embeddingText } from "../../src/ingest/build-index.js";
import { chunkDocument } from "../../src/ingest/chunker.js";
import type { SourceDocument } from "../../src/ingest/types.js";
import type { Chunk, StoredDocument } from "../../src/core/types.js";
import { readSciFact, readSquad } from "../../src/eval/datasets.js";

export const BENCH_DATA_DIR = path.resolve(import.meta.dirname, "../../../shared/bench-data");
export const CHUNKING = { size: 480, overlap: 80 };

export interface BaseCorpus {
  documents: SourceDocument[];
  /** Unique chunks, interleaved SciFact/SQuAD, in a fixed order. */
  chunks: Chunk[];
  /** Questions: SciFact test claims and answerable SQuAD questions, interleaved. */
  queries: string[];
  /** Every distinct SciFact claim and SQuAD question (answerable or not), interleaved: what the HTTP load sends, none twice. */
  httpQuestions: string[];
}

export function benchDataAvailable(): boolean {
  return existsSync(path.join(BENCH_DATA_DIR, "beir-scifact/corpus.jsonl.gz")) && existsSync(path.join(BENCH_DATA_DIR, "squad2-dev/passages.jsonl"));
}

/** Reads and chunks the bench data; deterministic, so every process gets the same list. */
export function loadBaseCorpus(): BaseCorpus {
  const sciFact = readSciFact(path.join(BENCH_DATA_DIR, "beir-scifact"));
  const squad = readSquad(path.join(BENCH_DATA_DIR, "squad2-dev"));
  if (!sciFact || !squad) throw new Error(`benchmark data missing in ${BENCH_DATA_DIR}`);
  const abstracts = sciFact.documents.map((d) => document(`scifact/${d.id}.txt`, d.title, d.text));
  const paragraphs = squad.passages.map((p) => document(`squad/${p.id.replace("#", "-")}.txt`, p.title.replaceAll("_", " "), p.text));
  const claims = [...sciFact.queries].filter(([id]) => sciFact.test.has(id)).map(([, text]) => text);
  const questions = squad.questions.filter((q) => !q.impossible).map((q) => q.question);
  return {
    documents: interleave(abstracts, paragraphs),
    chunks: interleave(
      abstracts.flatMap((d) => chunkDocument(d, CHUNKING)),
      paragraphs.flatMap((d) => chunkDocument(d, CHUNKING)),
    ),
    queries: interleave(claims, everyNth(questions, Math.max(1, Math.floor(questions.length / claims.length)))),
    httpQuestions: [...new Set(interleave([...sciFact.queries.values()], squad.questions.map((q) => q.question)))],
  };
}

/** The texts the embedder is given for the unique chunks (what ingest would embed). */
export function baseTexts(base: BaseCorpus, unique: number): string[] {
  return base.chunks.slice(0, unique).map(embeddingText);
}

export interface SizedCorpus {
  chunks: Chunk[];
  documents: Map<string, StoredDocument>;
  /** Flat row-major vectors, unit length, `chunks.length × dimension`. */
  vectors: Float32Array;
  dimension: number;
  /** Query `i`'s vector moved into the replica it is asked in (all complete replicas take turns). */
  queryVector(vector: number[], i: number): number[];
}

/**
 * `size` chunks: the first `unique` base chunks, then replicas of them.
 * `baseVectors` holds the vectors of those `unique` chunks.
 */
export function sizedCorpus(base: BaseCorpus, size: number, unique: number, baseVectors: Float32Array, dimension: number): SizedCorpus {
  const originals = base.chunks.slice(0, Math.min(unique, size));
  const bySource = new Map(base.documents.map((d) => [d.source, d]));
  const replicas = Math.ceil(size / originals.length);
  const signs = replicaSigns(replicas, dimension);
  const chunks: Chunk[] = [];
  const documents = new Map<string, StoredDocument>();
  const vectors = new Float32Array(size * dimension);
  for (let i = 0; i < size; i++) {
    const j = i % originals.length;
    const replica = Math.floor(i / originals.length);
    const original = originals[j]!;
    const source = replica ? `copy-${replica}/${original.source}` : original.source;
    const doc = bySource.get(original.source)!;
    if (!documents.has(source)) documents.set(source, { source, title: doc.title, text: doc.text });
    chunks.push(replica ? { ...original, id: `${original.id}~${replica}`, source } : original);
    const from = baseVectors.subarray(j * dimension, (j + 1) * dimension);
    const sign = signs[replica]!;
    for (let d = 0; d < dimension; d++) vectors[i * dimension + d] = from[d]! * sign[d]!;
  }
  const complete = Math.max(1, Math.floor(size / originals.length));
  return {
    chunks,
    documents,
    vectors,
    dimension,
    queryVector: (vector, i) => {
      const sign = signs[i % complete]!;
      return vector.map((x, d) => x * sign[d]!);
    },
  };
}

export function rowOf(vectors: Float32Array, dimension: number, i: number): number[] {
  return Array.from(vectors.subarray(i * dimension, (i + 1) * dimension));
}

/** Replica 0 keeps every sign; the others flip a seeded half of the coordinates. */
function replicaSigns(replicas: number, dimension: number): Int8Array[] {
  let state = 42;
  // xorshift32: the same patterns in every process.
  const bit = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) & 1;
  };
  return Array.from({ length: replicas }, (_, r) => Int8Array.from({ length: dimension }, () => (r && bit() ? -1 : 1)));
}

function document(source: string, title: string, text: string): SourceDocument {
  return { source, title, text, sections: [{ start: 0, headingPath: [] }] };
}

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

function everyNth<T>(items: T[], n: number): T[] {
  return items.filter((_, i) => i % n === 0);
}
