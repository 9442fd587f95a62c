/**
 * @module change-plan
 * What changed in the corpus since the live generation, by content hash:
 * files added, changed, removed and unchanged (a renamed file is one removed
 * and one added; its chunks are still reused through the embedding cache),
 * and files unchanged but read by another version of their loader than the
 * one that indexed them (reread: what the loader makes of them may differ).
 */
import type { Bm25Parameters } from "../core/types.js";
import { sameBm25Parameters } from "../retrieval/bm25.js";
import type { SourceFileRecord } from "../store/source-records.js";
import type { GenerationRecord } from "../store/types.js";
import type { ChunkingOptions } from "./types.js";

export interface ChangePlan {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** Same content, indexed by another version of its loader (or by one that was not recorded): read again. */
  reread: string[];
  /** Nothing to do: same files, same contents, same embedder and chunking as the live generation. */
  upToDate: boolean;
}

export interface PlanSettings {
  embedderId: string;
  chunking: ChunkingOptions;
  /** The store's BM25 parameters: a generation indexed with others is rebuilt (its chunks and embeddings are reused). */
  bm25: Bm25Parameters;
}

/** Compares the corpus as it is now with the live generation's manifest (undefined: none, or a full rebuild). */
export function planChanges(current: SourceFileRecord[], previous: GenerationRecord | undefined, settings: PlanSettings): ChangePlan {
  const before = new Map([...(previous?.files ?? []), ...(previous?.unreadable ?? [])].map((f) => [f.source, f]));
  const now = new Set(current.map((f) => f.source));
  const plan: ChangePlan = { added: [], changed: [], removed: [], unchanged: [], reread: [], upToDate: false };
  for (const file of current) {
    const old = before.get(file.source);
    if (old === undefined) plan.added.push(file.source);
    else if (old.sha256 !== file.sha256) plan.changed.push(file.source);
    else (old.loader === file.loader ? plan.unchanged : plan.reread).push(file.source);
  }
  plan.removed = [...before.keys()].filter((source) => !now.has(source));
  plan.upToDate = chunkedAlike(previous, settings) && keywordsAlike(previous, settings) && plan.unchanged.length === current.length && !plan.removed.length;
  return plan;
}

/** Whether the previous generation's keyword index uses the BM25 parameters configured now (a generation that does not record them is taken as it is). */
function keywordsAlike(previous: GenerationRecord | undefined, { bm25 }: PlanSettings): boolean {
  const built = previous?.bm25;
  return !built || sameBm25Parameters(built, bm25);
}

/** Whether the previous generation was embedded and chunked as `settings` say: its chunks are then what a build would make. */
export function chunkedAlike(previous: GenerationRecord | undefined, settings: PlanSettings): boolean {
  return (
    previous?.embedder.id === settings.embedderId &&
    previous.chunking.size === settings.chunking.size &&
    previous.chunking.overlap === settings.chunking.overlap
  );
}

/**
 * Chunks of the previous generation the new one no longer has: those it held
 * less the ones reused from the embedding cache, which holds the previous
 * generation's embeddings (exact unless an interrupted build left extra ones).
 */
export function countDeletedChunks(previous: GenerationRecord | undefined, reused: number): number {
  return Math.max(0, (previous?.chunkCount ?? 0) - reused);
}
