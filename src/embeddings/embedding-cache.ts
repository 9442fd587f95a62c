/**
 * @module embedding-cache
 * Vectors already computed, on disk, keyed by SHA-256 of (embedder id, text):
 * an unchanged chunk — even in a renamed file, even after an ingest was killed
 * half-way — is never embedded twice. One append-only file per embedder of
 * fixed-size records (32-byte key, then `dimension` float32s); a record torn
 * by a crash is cut off when the file is next opened. Ingest, the eval
 * (cached-embedder.ts) and the benchmarks keep their vectors in it.
 */
import { createHash } from "node:crypto";
import { appendFile, mkdir, open, readFile, rename, truncate } from "node:fs/promises";
import path from "node:path";
import type { EmbedderIdentity } from "../core/types.js";

const KEY_BYTES = 32;
const CACHE_DIR = "embedding-cache";
// Rewrite the file once dead records (of chunks no longer indexed) outnumber live ones.
const COMPACT_RATIO = 2;
const COMPACT_MIN_RECORDS = 1024;

/** The cache key of a text for an embedder: hex SHA-256 of both. */
export function embeddingKey(embedderId: string, text: string): string {
  return createHash("sha256").update(embedderId).update("\0").update(text).digest("hex");
}

export class EmbeddingCache {
  private constructor(
    readonly file: string,
    private readonly dimension: number,
    private readonly vectors: Map<string, Float32Array>,
    private records: number,
  ) {}

  /** Opens (or creates) the cache of `embedder` under `dir` (an index folder, or a cache folder), dropping a torn last record. */
  static async open(dir: string, embedder: EmbedderIdentity): Promise<EmbeddingCache> {
    const folder = path.join(dir, CACHE_DIR);
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `${embeddingKey(embedder.id, String(embedder.dimension)).slice(0, 16)}.bin`);
    const recordBytes = KEY_BYTES + embedder.dimension * 4;
    const data = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return Buffer.alloc(0);
      throw error;
    });
    const records = Math.floor(data.length / recordBytes);
    if (records * recordBytes !== data.length) await truncate(file, records * recordBytes);
    const vectors = new Map<string, Float32Array>();
    for (let offset = 0; offset < records * recordBytes; offset += recordBytes) {
      const vector = new Float32Array(embedder.dimension);
      for (let i = 0; i < vector.length; i++) vector[i] = data.readFloatLE(offset + KEY_BYTES + i * 4);
      vectors.set(data.toString("hex", offset, offset + KEY_BYTES), vector);
    }
    return new EmbeddingCache(file, embedder.dimension, vectors, records);
  }

  get size(): number {
    return this.vectors.size;
  }

  has(key: string): boolean {
    return this.vectors.has(key);
  }

  /** The cached vector itself, not a copy (an index build reads 100k of them): do not modify it. */
  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  /** Adds vectors and appends them to the file before returning, so a later crash keeps them. */
  async add(entries: { key: string; vector: number[] }[]): Promise<void> {
    const fresh = entries.filter((e) => !this.vectors.has(e.key));
    if (!fresh.length) return;
    const buffer = Buffer.concat(fresh.map((e) => this.record(e.key, e.vector)));
    await appendFile(this.file, buffer);
    for (const e of fresh) this.vectors.set(e.key, Float32Array.from(e.vector));
    this.records += fresh.length;
  }

  /** Forgets everything (a full rebuild); the file is emptied. */
  async clear(): Promise<void> {
    await truncate(this.file, 0).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    this.vectors.clear();
    this.records = 0;
  }

  /** Drops the vectors of keys not in `live` once they dominate the file (rewritten aside, then renamed). */
  async compact(live: ReadonlySet<string>): Promise<void> {
    if (this.records < COMPACT_MIN_RECORDS || this.records < COMPACT_RATIO * live.size) return;
    for (const key of [...this.vectors.keys()]) if (!live.has(key)) this.vectors.delete(key);
    const draft = `${this.file}.tmp-${process.pid}`;
    const handle = await open(draft, "w");
    try {
      await handle.writeFile(Buffer.concat([...this.vectors].map(([key, vector]) => this.record(key, Array.from(vector)))));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(draft, this.file);
    this.records = this.vectors.size;
  }

  private record(key: string, vector: number[]): Buffer {
    if (vector.length !== this.dimension) throw new Error(`vector has ${vector.length} dimensions, the cache ${this.dimension}`);
    const record = Buffer.alloc(KEY_BYTES + this.dimension * 4);
    record.write(key, 0, KEY_BYTES, "hex");
    for (let i = 0; i < vector.length; i++) record.writeFloatLE(vector[i]!, KEY_BYTES + i * 4);
    return record;
  }
}
