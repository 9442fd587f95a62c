/**
 * @module bench/exact-search
 * Exact nearest neighbours by brute force (cosine over unit vectors = dot
 * product), the ground truth for HNSW recall. Cached on disk per corpus size,
 * since every system measured at that size is compared with the same truth.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SizedCorpus } from "./dataset.js";
import { CACHE_DIR } from "./vector-cache.js";

/** Ids of the exact top-k chunks for each query vector. */
export async function exactTopK(corpus: SizedCorpus, queries: number[][], k: number, cacheKey: string): Promise<string[][]> {
  const file = path.join(CACHE_DIR, `truth-${cacheKey}-${queries.length}x${k}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as string[][];
  const { vectors, dimension, chunks } = corpus;
  const truth = queries.map((query) => {
    const q = Float32Array.from(query);
    const best: { i: number; score: number }[] = [];
    for (let i = 0; i < chunks.length; i++) {
      let score = 0;
      const at = i * dimension;
      for (let d = 0; d < dimension; d++) score += q[d]! * vectors[at + d]!;
      if (best.length < k || score > best[best.length - 1]!.score) {
        best.push({ i, score });
        best.sort((a, b) => b.score - a.score);
        if (best.length > k) best.pop();
      }
    }
    return best.map((b) => chunks[b.i]!.id);
  });
  writeFileSync(file, JSON.stringify(truth));
  return truth;
}

/** Mean share of the true top-k found by the approximate search. */
export function recallAt(found: string[][], truth: string[][]): number {
  const shares = truth.map((ids, i) => {
    const hits = new Set(found[i] ?? []);
    return ids.filter((id) => hits.has(id)).length / ids.length;
  });
  return Math.round((shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length)) * 10_000) / 10_000;
}
