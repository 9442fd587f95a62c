/**
 * @module clusters
 * Groups questions that ask the same thing in different words, by the cosine
 * similarity of their embeddings. Written here rather than taken from a
 * clustering library because what fits is small and specific: the number of
 * topics is unknown (k-means needs it), the input is a few thousand
 * questions at most, and the order matters — the most frequent wording founds
 * its cluster and names it. One pass, each question joining the closest
 * cluster centroid above the threshold or founding a new one.
 */
import { cosine } from "../answer/similarity.js";

export interface Embedded<T> {
  item: T;
  vector: ArrayLike<number>;
}

/**
 * The clusters of `items`, in the order their first item came; items should
 * come most frequent first. `threshold` is the least cosine similarity to a
 * cluster's centroid for an item to join it.
 */
export function clusterBySimilarity<T>(items: Embedded<T>[], threshold: number): T[][] {
  const clusters: { sum: Float64Array; members: T[] }[] = [];
  for (const { item, vector } of items) {
    let best: (typeof clusters)[number] | undefined;
    let bestSimilarity = threshold;
    for (const cluster of clusters) {
      const similarity = cosine(vector, cluster.sum);
      if (similarity >= bestSimilarity) [best, bestSimilarity] = [cluster, similarity];
    }
    const unit = normalised(vector);
    if (best) {
      unit.forEach((x, i) => (best.sum[i]! += x));
      best.members.push(item);
    } else clusters.push({ sum: unit, members: [item] });
  }
  return clusters.map((c) => c.members);
}

// Summing unit vectors makes the sum point at the centroid whatever the members' lengths.
function normalised(vector: ArrayLike<number>): Float64Array {
  const unit = Float64Array.from(vector);
  const norm = Math.hypot(...unit) || 1;
  return unit.map((x) => x / norm);
}
