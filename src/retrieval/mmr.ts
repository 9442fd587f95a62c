/**
 * @module mmr
 * Maximal marginal relevance: re-ranks retrieved chunks so that near-copies
 * (overlapping chunks, repeated boilerplate) do not fill the top k. Similarity
 * between chunks is the Jaccard overlap of their index terms, which needs no
 * stored vectors and catches exactly the repetition that wastes citations.
 */
import { terms } from "./tokenize.js";
import type { ScoredChunk } from "./types.js";

/** Picks k chunks greedily by λ · relevance − (1 − λ) · max similarity to those already picked. */
export function diversify(ranked: ScoredChunk[], k: number, lambda: number): ScoredChunk[] {
  const termSets = new Map(ranked.map((r) => [r.chunk.id, new Set(terms(r.chunk.text))]));
  const picked: ScoredChunk[] = [];
  const left = [...ranked];
  while (picked.length < k && left.length) {
    let bestIndex = 0;
    let bestValue = -Infinity;
    left.forEach((candidate, i) => {
      const redundancy = Math.max(0, ...picked.map((p) => jaccard(termSets.get(candidate.chunk.id)!, termSets.get(p.chunk.id)!)));
      const value = lambda * candidate.score - (1 - lambda) * redundancy;
      if (value > bestValue) [bestIndex, bestValue] = [i, value];
    });
    picked.push(left.splice(bestIndex, 1)[0]!);
  }
  return picked;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
