/**
 * @module metrics
 * Retrieval and abstention metrics with their textbook definitions: nDCG@k
 * with graded gains and a log2 discount (the trec_eval / BEIR formula),
 * recall@k, AUROC as the Mann–Whitney probability, precision and recall.
 */

/**
 * nDCG@k = DCG@k / IDCG@k with DCG = Σ_{i=1..k} rel_i / log2(i + 1) (linear
 * gains, as BEIR's pytrec_eval computes it). A query without relevant
 * documents scores 0.
 */
export function ndcgAt(k: number, ranked: string[], relevant: Map<string, number>): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + (relevant.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...relevant.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Share of the relevant documents (grade > 0) found in the first k. */
export function recallAt(k: number, ranked: string[], relevant: Map<string, number> | Set<string>): number {
  const wanted = relevant instanceof Set ? relevant : new Set([...relevant].filter(([, g]) => g > 0).map(([id]) => id));
  if (!wanted.size) return 0;
  return ranked.slice(0, k).filter((id) => wanted.has(id)).length / wanted.size;
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/**
 * Area under the ROC curve of `score` as a predictor of `positive`: the
 * probability that a random positive outscores a random negative, ties
 * counting one half (computed from average ranks, O(n log n)).
 */
export function auroc(samples: { score: number; positive: boolean }[]): number {
  const positives = samples.filter((s) => s.positive).length;
  const negatives = samples.length - positives;
  if (!positives || !negatives) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.score === sorted[i]!.score) j++;
    const averageRank = (i + j + 2) / 2;
    for (let t = i; t <= j; t++) if (sorted[t]!.positive) rankSum += averageRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  /** Predicted positive and actually positive, etc. */
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Precision and recall of a yes/no prediction; precision is 1 when nothing is predicted. */
export function precisionRecall(samples: { predicted: boolean; positive: boolean }[]): PrecisionRecall {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of samples) {
    if (s.predicted && s.positive) tp++;
    else if (s.predicted) fp++;
    else if (s.positive) fn++;
  }
  return {
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 0,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}
