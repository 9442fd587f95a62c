/**
 * @module slices
 * Work over every chunk of a build, done on the event loop a slice at a time.
 * A 20 MB file is 60,000 chunks: one synchronous pass over them (hashing
 * their texts, building their records) holds every request for hundreds of
 * milliseconds; in slices, a request waits for one slice at most.
 */

// Chunks per slice: a few milliseconds of hashing.
const SLICE = 1000;

/** `step` over every item, in order, yielding to the event loop between slices. */
export async function mapInSlices<T, R>(items: readonly T[], step: (item: T, index: number) => R): Promise<R[]> {
  const results = new Array<R>(items.length);
  for (let start = 0; start < items.length; start += SLICE) {
    if (start) await new Promise((resolve) => setImmediate(resolve));
    const end = Math.min(items.length, start + SLICE);
    for (let i = start; i < end; i++) results[i] = step(items[i]!, i);
  }
  return results;
}
