/**
 * @module change-plan
 * What changed in the corpus since the live generation, by content hash:
 * files added, changed, removed and unchanged (a renamed file is one removed
 * and one added; its chunks are still reused through the embedding cache).
 */
import type { Manifest, SourceFileRecord } from "../store/manifest.js";
import type { ChunkingOptions } from "./types.js";

export interface ChangePlan {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** Nothing to do: same files, same contents, same embedder and chunking as the live generation. */
  upToDate: boolean;
}

export interface PlanSettings {
  embedderId: string;
  chunking: ChunkingOptions;
}

/** Compares the corpus as it is now with the live generation's manifest (undefined: none, or a full rebuild). */
export function planChanges(current: SourceFileRecord[], previous: Manifest | undefined, settings: PlanSettings): ChangePlan {
  const before = new Map([...(previous?.files ?? []), ...(previous?.unreadable ?? [])].map((f) => [f.source, f.sha256]));
  const now = new Set(current.map((f) => f.source));
  const plan: ChangePlan = { added: [], changed: [], removed: [], unchanged: [], upToDate: false };
  for (const file of current) {
    const hash = before.get(file.source);
    if (hash === undefined) plan.added.push(file.source);
    else (hash === file.sha256 ? plan.unchanged : plan.changed).push(file.source);
  }
  plan.removed = [...before.keys()].filter((source) => !now.has(source));
  const sameSettings =
    previous?.embedder.id === settings.embedderId &&
    previous.chunking.size === settings.chunking.size &&
    previous.chunking.overlap === settings.chunking.overlap;
  plan.upToDate = sameSettings && plan.unchanged.length === current.length && !plan.removed.length;
  return plan;
}

/** Chunks of the previous generation whose keys the new one no longer has (counted with multiplicity). */
export function countDeletedChunks(previous: Manifest | undefined, liveKeys: readonly string[]): number {
  const remaining = new Map<string, number>();
  for (const key of liveKeys) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  let deleted = 0;
  for (const key of previous?.files.flatMap((f) => f.chunks ?? []) ?? []) {
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else deleted++;
  }
  return deleted;
}
