/**
 * @module hnsw-store
 * The embedded vector store: `hnswlib-node` used directly (LangChain's HNSWLib
 * wrapper can neither delete one document nor save atomically). Labels are
 * positions in `ids`; scores are cosine similarity, 1 − distance.
 */
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import hnswlib from "hnswlib-node";
import type { Hit, VectorStore } from "../../core/types.js";

const { HierarchicalNSW } = hnswlib;

export interface HnswParameters {
  m: number;
  efConstruction: number;
  efSearch: number;
}

// efSearch: at 100k chunks, recall@10 against exact search was 0.91 at ef 96, 0.96 at 256 and 0.98 at 384
// (`npm run bench`, docs/BENCHMARKS.md); a search at 384 still takes well under 2 ms.
export const DEFAULT_HNSW: HnswParameters = { m: 16, efConstruction: 200, efSearch: 384 };

/** Vectors not indexed yet: labels are positions in `ids`, `vectors` in the same order. */
export interface HnswInput {
  ids: string[];
  vectors: ArrayLike<number>[];
  dimension: number;
  params?: HnswParameters;
}

const BUILD_WORKER = new URL("./hnsw-build-worker.mjs", import.meta.url);
// Up to this many vectors (a document or a few: what a small change adds) a build takes a few
// milliseconds on the calling thread, less than starting a worker that loads the native addon.
const INLINE_BUILD_LIMIT = 64;
// Rows copied into the worker's buffer between yields to the event loop (~10 ms of copying).
const ROWS_PER_SLICE = 5000;

export class HnswStore implements VectorStore {
  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    private readonly ids: string[],
    readonly dimension: number,
    private readonly params: HnswParameters,
  ) {}

  /**
   * Builds an index over `vectors` in a worker thread, writes it to `file`, then
   * loads it from there; the event loop stays free throughout (the build takes
   * minutes at 100k chunks). What a published generation uses.
   */
  static async buildToFile(file: string, { ids, vectors, dimension, params = DEFAULT_HNSW }: HnswInput): Promise<HnswStore> {
    if (ids.length <= INLINE_BUILD_LIMIT) {
      const store = HnswStore.build(ids, vectors, dimension, params);
      await store.save(file);
      return store;
    }
    const flat = new Float32Array(ids.length * dimension);
    for (let start = 0; start < vectors.length; start += ROWS_PER_SLICE) {
      vectors.slice(start, start + ROWS_PER_SLICE).forEach((vector, i) => {
        checkDimension(vector, dimension, ids[start + i]);
        flat.set(vector, (start + i) * dimension);
      });
      await yieldToEventLoop();
    }
    await runBuildWorker({ file, dimension, count: ids.length, m: params.m, efConstruction: params.efConstruction, vectors: flat });
    return HnswStore.load(file, ids, dimension, params);
  }

  /** Builds an index over `vectors`, whose labels are their positions in `ids`, on the calling thread (small, in-memory indexes). */
  static build(ids: string[], vectors: ArrayLike<number>[], dimension: number, params: HnswParameters = DEFAULT_HNSW): HnswStore {
    const index = new HierarchicalNSW("cosine", dimension);
    index.initIndex(Math.max(1, ids.length), params.m, params.efConstruction, 100);
    vectors.forEach((vector, label) => {
      checkDimension(vector, dimension, ids[label]);
      // addPoint accepts plain arrays only.
      index.addPoint(Array.isArray(vector) ? vector : Array.from(vector), label);
    });
    index.setEf(params.efSearch);
    return new HnswStore(index, ids, dimension, params);
  }

  /**
   * Reads an index written by `save`; the caller has already checked the file's
   * integrity. The file is read off the event loop; `ids` may still be being
   * parsed meanwhile.
   */
  static async load(file: string, ids: string[] | Promise<string[]>, dimension: number, params: HnswParameters = DEFAULT_HNSW): Promise<HnswStore> {
    const index = new HierarchicalNSW("cosine", dimension);
    await index.readIndex(file);
    const labels = await ids;
    if (index.getCurrentCount() !== labels.length) {
      throw new Error(`holds ${index.getCurrentCount()} vectors but the chunk list has ${labels.length}`);
    }
    index.setEf(params.efSearch);
    return new HnswStore(index, labels, dimension, params);
  }

  get size(): number {
    return this.ids.length;
  }

  async save(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  /** The stored vector of a label, to reuse it without re-embedding. */
  vectorAt(label: number): number[] {
    return this.index.getPoint(label);
  }

  async search(vector: number[], k: number): Promise<Hit[]> {
    return this.searchLive(vector, k);
  }

  /**
   * The k nearest labels not in `deleted` (the chunks a later segment replaced).
   * A few deletions are skipped by asking for that many more neighbours; many
   * by hnswlib's filter, which calls back into JavaScript for every candidate.
   */
  searchLive(vector: number[], k: number, deleted?: ReadonlySet<number>): Hit[] {
    if (vector.length !== this.dimension) {
      throw new Error(`query vector has ${vector.length} dimensions, the index ${this.dimension}`);
    }
    const dead = deleted?.size ?? 0;
    const n = Math.min(k, this.size - dead);
    if (n <= 0) return [];
    const overFetch = dead > 0 && dead <= OVER_FETCH_LIMIT;
    const asked = overFetch ? Math.min(this.size, n + dead) : n;
    this.index.setEf(Math.max(this.params.efSearch, asked));
    const { neighbors, distances } =
      dead && !overFetch ? this.index.searchKnn(vector, asked, (label) => !deleted!.has(label)) : this.index.searchKnn(vector, asked);
    const hits: Hit[] = [];
    for (let i = 0; i < neighbors.length && hits.length < n; i++) {
      if (!deleted?.has(neighbors[i]!)) hits.push({ id: this.ids[neighbors[i]!]!, score: clamp01(1 - distances[i]!) });
    }
    return hits;
  }

  /** Each label's chunk id, in label order. */
  get labels(): readonly string[] {
    return this.ids;
  }
}

// Up to this many deleted labels, over-fetching costs less than a filter callback per candidate.
const OVER_FETCH_LIMIT = 256;

function checkDimension(vector: ArrayLike<number>, dimension: number, id: string | undefined): void {
  if (vector.length !== dimension) throw new Error(`vector ${id} has ${vector.length} dimensions, expected ${dimension}`);
}

/** Runs one build in its own worker (its buffer is transferred, not copied); resolves once the file is written. */
function runBuildWorker(job: { file: string; dimension: number; count: number; m: number; efConstruction: number; vectors: Float32Array }): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BUILD_WORKER, { workerData: job, transferList: [job.vectors.buffer as ArrayBuffer] });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    worker.once("message", (message: { done?: true; error?: string }) => settle(message.error ? new Error(`HNSW build failed: ${message.error}`) : undefined));
    worker.once("error", (error) => settle(error));
    worker.once("exit", (code) => settle(new Error(`HNSW build worker exited with code ${code} before writing ${job.file}`)));
  });
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
