/**
 * @module top-k
 * Partial selection: the k best of many scored candidates with a bounded
 * min-heap, O(n log k) instead of sorting all n. Keyword search needs it because
 * a common word matches most of a 100k-chunk index while only k hits are kept.
 */

/**
 * The `k` candidates with the highest `score`, best first; equal scores are
 * ordered by the smaller candidate first, so the result equals the first k of a
 * full sort by (score descending, candidate ascending).
 */
export function topK(candidates: ArrayLike<number>, score: ArrayLike<number>, k: number): number[] {
  if (k <= 0) return [];
  // heap[0] is the worst of the kept candidates: the one the next better candidate replaces.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => score[a]! < score[b]! || (score[a] === score[b] && a > b);
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (heap.length < k) {
      heap.push(candidate);
      siftUp(heap, heap.length - 1, worse);
    } else if (worse(heap[0]!, candidate)) {
      heap[0] = candidate;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

function siftUp(heap: number[], at: number, worse: (a: number, b: number) => boolean): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!worse(heap[at]!, heap[parent]!)) return;
    [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
    at = parent;
  }
}

function siftDown(heap: number[], at: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
    if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
    if (worst === at) return;
    [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
    at = worst;
  }
}
