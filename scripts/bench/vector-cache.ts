/**
 * @module bench/vector-cache
 * Embeddings of the benchmark texts, computed once and kept on disk (under the
 * gitignored .cache/), so index-side figures never include embedding time and
 * a second run starts at once. One file per text list: records of
 * [sha256 of the text (32 bytes)][dimension × float32], in list order,
 * appended as batches finish; a run that was interrupted resumes where it
 * stopped, and a record whose text changed ends the usable prefix.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from "node:fs";
import path from "node:path";
import { baseTexts, type BaseCorpus } from "./dataset.js";

export const CACHE_DIR = path.resolve(import.meta.dirname, "../../.cache/bench");
const HASH_BYTES = 32;
const APPEND_EVERY = 256;

export interface CachedVectors {
  /** Flat vectors, `texts.length × dimension`. */
  vectors: Float32Array;
  /** How many were computed by this call (the rest came from disk). */
  computed: number;
}

/**
 * Returns the vectors of `texts`, computing only those not on disk yet with
 * `embed`. `onProgress` receives the number of texts done so far.
 */
export async function cachedVectors(
  name: string,
  texts: string[],
  dimension: number,
  embed: (texts: string[]) => Promise<number[][]>,
  onProgress?: (done: number) => void,
): Promise<CachedVectors> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `${name}-${dimension}.bin`);
  const record = HASH_BYTES + dimension * 4;
  const vectors = new Float32Array(texts.length * dimension);
  let done = 0;
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    while (done < texts.length && (done + 1) * record <= bytes.length) {
      const at = done * record;
      if (!bytes.subarray(at, at + HASH_BYTES).equals(hashOf(texts[done]!))) break;
      vectors.set(new Float32Array(bytes.buffer.slice(bytes.byteOffset + at + HASH_BYTES, bytes.byteOffset + at + record)), done * dimension);
      done++;
    }
    // A shorter list leaves the file alone; otherwise what follows the usable prefix (another list, a torn record) is dropped before appending.
    if (done < texts.length && bytes.length > done * record) truncateSync(file, done * record);
  }
  const fromDisk = done;
  onProgress?.(done);
  while (done < texts.length) {
    const slice = texts.slice(done, done + APPEND_EVERY);
    const computed = await embed(slice);
    const out = Buffer.alloc(record * slice.length);
    computed.forEach((vector, i) => {
      if (vector.length !== dimension) throw new Error(`the embedder returned ${vector.length} dimensions, expected ${dimension}`);
      hashOf(slice[i]!).copy(out, i * record);
      Buffer.from(new Float32Array(vector).buffer).copy(out, i * record + HASH_BYTES);
      vectors.set(vector, (done + i) * dimension);
    });
    appendFileSync(file, out);
    done += slice.length;
    onProgress?.(done);
  }
  return { vectors, computed: texts.length - fromDisk };
}

function hashOf(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export const DIMENSION = 512;

/**
 * The vectors of the benchmark's unique chunks and of its queries. Without
 * `embed` (the measuring child processes) they must already be on disk.
 */
export async function benchVectors(
  base: BaseCorpus,
  unique: number,
  embed: (texts: string[]) => Promise<number[][]> = refuse,
  onProgress?: (done: number, total: number) => void,
): Promise<{ chunkVectors: Float32Array; queryVectors: Float32Array }> {
  const queryVectors = (await cachedVectors("queries", base.queries, DIMENSION, embed)).vectors;
  const texts = baseTexts(base, unique);
  const chunkVectors = (await cachedVectors("chunks", texts, DIMENSION, embed, (done) => onProgress?.(done, texts.length))).vectors;
  return { chunkVectors, queryVectors };
}

async function refuse(): Promise<never> {
  throw new Error("benchmark vectors are not cached yet; run `npm run bench` (it embeds them first)");
}
