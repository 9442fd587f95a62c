/**
 * @module splits
 * Fixed-seed splits of benchmark data into fit and check parts, the same on
 * every run: nothing is fitted on what it is judged on.
 */

export const SPLIT_SEED = 5;

/** Deterministic numbers in [0, 1) (mulberry32), the same on every run for a seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic shuffle, so the article split is the same on every run. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface ArticleSplit {
  indexed: Set<string>;
  /** Articles whose questions fit the weights; the others check them. */
  fit: Set<string>;
}

/** Half of the articles are indexed; within each half, half of the articles are used for fitting. */
export function splitArticles(titles: string[], seed = SPLIT_SEED): ArticleSplit {
  const order = seededShuffle([...new Set(titles)].sort(), seed);
  const half = Math.ceil(order.length / 2);
  const indexed = order.slice(0, half);
  const heldOut = order.slice(half);
  const fitOf = (list: string[]) => list.slice(0, Math.ceil(list.length / 2));
  return { indexed: new Set(indexed), fit: new Set([...fitOf(indexed), ...fitOf(heldOut)]) };
}
