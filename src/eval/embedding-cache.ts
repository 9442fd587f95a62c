/**
 * @module embedding-cache
 * An on-disk cache of evaluation embeddings, keyed by embedder id and the
 * sha256 of the text, so that a second `npm run eval` does not re-embed
 * thousands of abstracts. One append-only binary file per embedder: records of
 * [32-byte sha256][dimension × float32]. A torn last record (an interrupted
 * run) is ignored on load.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Embedder } from "../embeddings/types.js";

const HASH_BYTES = 32;
const WARM_SLICE = 64;

export class EmbeddingCache {
  private readonly vectors = new Map<string, number[]>();

  private constructor(
    private readonly file: string,
    readonly dimension: number,
  ) {}

  /** Opens (or starts) the cache file of one embedder inside `dir`. */
  static open(dir: string, embedderId: string, dimension: number): EmbeddingCache {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${embedderId.replace(/[^\w.-]+/g, "_")}-${dimension}.bin`);
    const cache = new EmbeddingCache(file, dimension);
    if (existsSync(file)) cache.load(readFileSync(file));
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(text: string): number[] | undefined {
    return this.vectors.get(hashOf(text));
  }

  /** Texts (deduplicated) that have no cached vector yet. */
  missing(texts: Iterable<string>): string[] {
    return [...new Set(texts)].filter((t) => !this.vectors.has(hashOf(t)));
  }

  /** Stores vectors in memory and appends them to the file in one write. */
  put(texts: string[], vectors: number[][]): void {
    const record = HASH_BYTES + this.dimension * 4;
    const out = Buffer.alloc(record * texts.length);
    texts.forEach((text, i) => {
      const vector = vectors[i]!;
      if (vector.length !== this.dimension) throw new Error(`vector has ${vector.length} dimensions, the cache ${this.dimension}`);
      const hash = hashOf(text);
      this.vectors.set(hash, vector);
      Buffer.from(hash, "hex").copy(out, i * record);
      const floats = new Float32Array(vector);
      Buffer.from(floats.buffer).copy(out, i * record + HASH_BYTES);
    });
    appendFileSync(this.file, out);
  }

  private load(bytes: Buffer): void {
    const record = HASH_BYTES + this.dimension * 4;
    for (let at = 0; at + record <= bytes.length; at += record) {
      const hash = bytes.subarray(at, at + HASH_BYTES).toString("hex");
      const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset + at + HASH_BYTES, bytes.byteOffset + at + record));
      this.vectors.set(hash, Array.from(floats));
    }
  }
}

function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Wraps an embedder so that every vector comes from the cache when it can and
 * is cached when it cannot. `warm` embeds a whole list up front, in slices, so
 * that a progress bar can follow it and an interrupted run keeps what it did.
 */
export function cachedEmbedder(embedder: Embedder, cache: EmbeddingCache): Embedder & {
  warm(texts: string[], onProgress?: (done: number) => void): Promise<void>;
} {
  const warm = async (texts: string[], onProgress?: (done: number) => void) => {
    const todo = cache.missing(texts);
    for (let i = 0; i < todo.length; i += WARM_SLICE) {
      const slice = todo.slice(i, i + WARM_SLICE);
      cache.put(slice, await embedder.embedDocuments(slice));
      onProgress?.(Math.min(todo.length, i + WARM_SLICE));
    }
  };
  const embedDocuments = async (texts: string[]) => {
    await warm(texts);
    return texts.map((t) => cache.get(t)!);
  };
  return {
    id: embedder.id,
    dimension: embedder.dimension,
    warm,
    embedDocuments,
    embedQuery: async (text) => (await embedDocuments([text]))[0]!,
  };
}
