import type { IndexSnapshot } from "../core/types.js";

/**
 * Holds the live index generation. Swapping is one assignment: a request reads
 * `current` once and keeps that snapshot to the end, so in-flight requests
 * finish on the old generation while new ones see the new one.
 */
export class IndexHolder {
  constructor(private snapshot: IndexSnapshot) {}

  get current(): IndexSnapshot {
    return this.snapshot;
  }

  swap(next: IndexSnapshot): void {
    this.snapshot = next;
  }
}
