import type { IndexSnapshot, LoadedSnapshot } from "../../src/core/types.js";
import { isLoaded } from "../../src/store/loaded-snapshot.js";

/** The snapshot with its chunks and documents in memory, as the embedded store's are; throws for one that is not. */
export function loaded(snapshot: IndexSnapshot | undefined): LoadedSnapshot {
  if (!snapshot || !isLoaded(snapshot)) throw new Error("expected a snapshot held in memory (the embedded store's)");
  return snapshot;
}
