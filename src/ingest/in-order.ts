/**
 * @module in-order
 * Runs an async step over many items with a few in flight at once, results in
 * the items' order. Reading 30k corpus files one await at a time spends most
 * of the time waiting on one file-system round trip after another.
 */

/** `step` over every item, at most `concurrency` at once; results in input order. */
export async function mapInOrder<T, R>(items: readonly T[], concurrency: number, step: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await step(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return results;
}
