/**
 * @module retriever
 * Dense, keyword and hybrid search over one index snapshot. Scores are given a
 * meaning at this boundary: dense is cosine similarity, keyword is BM25, and
 * hybrid fuses the two only after min–max normalising each candidate list.
 */
import type { Embedder } from "../embeddings/types.js";
import type { IndexSnapshot } from "../store/snapshot.js";
import type { RetrieveOptions, ScoredChunk } from "./types.js";

export interface RetrieverOptions {
  embedder: Embedder;
  /** Weight of the normalised dense score in hybrid fusion; keyword gets 1 − this. */
  denseWeight: number;
}

// Each list is over-fetched so that fusion can promote a chunk ranked low by one signal.
const CANDIDATES_PER_K = 5;
const MIN_CANDIDATES = 50;

export class Retriever {
  constructor(private readonly options: RetrieverOptions) {}

  async retrieve(snapshot: IndexSnapshot, query: string, { k, mode }: RetrieveOptions): Promise<ScoredChunk[]> {
    const pool = Math.max(k * CANDIDATES_PER_K, MIN_CANDIDATES);
    const dense = mode === "keyword" ? [] : await this.dense(snapshot, query, mode === "dense" ? k : pool);
    const keyword = mode === "dense" ? [] : snapshot.keywords.search(query, mode === "keyword" ? k : pool);

    const byId = new Map<string, ScoredChunk>();
    const entry = (id: string) => {
      let hit = byId.get(id);
      if (!hit) {
        const chunk = snapshot.chunkById.get(id);
        if (!chunk) return undefined;
        byId.set(id, (hit = { chunk, score: 0 }));
      }
      return hit;
    };
    for (const hit of dense) {
      const scored = entry(hit.id);
      if (scored) scored.dense = hit.score;
    }
    for (const hit of keyword) {
      const scored = entry(hit.id);
      if (scored) scored.keyword = hit.score;
    }

    const denseNorm = normaliser(dense.map((h) => h.score));
    const keywordNorm = normaliser(keyword.map((h) => h.score));
    const w = mode === "dense" ? 1 : mode === "keyword" ? 0 : this.options.denseWeight;
    for (const hit of byId.values()) {
      const d = hit.dense === undefined ? 0 : mode === "dense" ? hit.dense : denseNorm(hit.dense);
      const kw = hit.keyword === undefined ? 0 : keywordNorm(hit.keyword);
      hit.score = w * d + (1 - w) * kw;
    }
    return [...byId.values()].sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id)).slice(0, k);
  }

  private async dense(snapshot: IndexSnapshot, query: string, k: number) {
    const vector = await this.options.embedder.embedQuery(query);
    return snapshot.vectors.search(vector, k);
  }
}

/** Min–max normalisation over a candidate list; a single candidate (or all equal) maps to 1. */
function normaliser(scores: number[]): (score: number) => number {
  if (!scores.length) return () => 0;
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  return max > min ? (s) => (s - min) / (max - min) : () => 1;
}
