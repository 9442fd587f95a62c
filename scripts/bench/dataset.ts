/**
 * @module bench/dataset
 * The benchmark corpus: SciFact abstracts and SQuAD paragraphs from
 * ../shared/bench-data, chunked by the product's own chunker, interleaved so
 * that every size mixes both. Sizes beyond the unique chunks are reached by
 * repetition: copy r of a chunk lives in its own document (`copy-r/…`), keeps
 * the text (so keyword search sees real term statistics) and gets the
 * original's vector plus a small, seeded perturbation (so that HNSW and the
 * exact search see distinct, clustered points, never exact duplicates).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { embeddingText } from "../../src/ingest/build-index.js";
import { chunkDocument } from "../../src/ingest/chunker.js";
import type { Chunk, SourceDocument } from "../../src/ingest/types.js";
import type { StoredDocument } from "../../src/store/snapshot.js";
import { readSciFact, readSquad } from "../../src/eval/datasets.js";

export const BENCH_DATA_DIR = path.resolve(import.meta.dirname, "../../../shared/bench-data");
export const CHUNKING = { size: 480, overlap: 80 };
// Norm of the noise added to a copy's vector: copies sit at cosine ≈ 0.95 from their original.
const COPY_NOISE = 0.3;

export interface BaseCorpus {
  documents: SourceDocument[];
  /** Unique chunks, interleaved SciFact/SQuAD, in a fixed order. */
  chunks: Chunk[];
  /** Questions: SciFact test claims and answerable SQuAD questions, interleaved. */
  queries: string[];
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
}

/**
 * `size` chunks: the first `unique` base chunks, then copies of them. `baseVectors`
 * holds the vectors of those `unique` chunks.
 */
export function sizedCorpus(base: BaseCorpus, size: number, unique: number, baseVectors: Float32Array, dimension: number): SizedCorpus {
  const originals = base.chunks.slice(0, Math.min(unique, size));
  const bySource = new Map(base.documents.map((d) => [d.source, d]));
  const chunks: Chunk[] = [];
  const documents = new Map<string, StoredDocument>();
  const vectors = new Float32Array(size * dimension);
  const random = seededGaussian(42);
  for (let i = 0; i < size; i++) {
    const j = i % originals.length;
    const copy = Math.floor(i / originals.length);
    const original = originals[j]!;
    const source = copy ? `copy-${copy}/${original.source}` : original.source;
    const doc = bySource.get(original.source)!;
    if (!documents.has(source)) documents.set(source, { source, title: doc.title, text: doc.text });
    chunks.push(copy ? { ...original, id: `${original.id}~${copy}`, source } : original);
    const row = vectors.subarray(i * dimension, (i + 1) * dimension);
    row.set(baseVectors.subarray(j * dimension, (j + 1) * dimension));
    if (copy) perturb(row, random);
  }
  return { chunks, documents, vectors, dimension };
}

export function rowOf(vectors: Float32Array, dimension: number, i: number): number[] {
  return Array.from(vectors.subarray(i * dimension, (i + 1) * dimension));
}

function perturb(row: Float32Array, gaussian: () => number): void {
  const sigma = COPY_NOISE / Math.sqrt(row.length);
  let norm = 0;
  for (let d = 0; d < row.length; d++) {
    row[d] = row[d]! + sigma * gaussian();
    norm += row[d]! * row[d]!;
  }
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < row.length; d++) row[d] = row[d]! * scale;
}

/** Box–Muller over xorshift32: the same noise in every process. */
function seededGaussian(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
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
