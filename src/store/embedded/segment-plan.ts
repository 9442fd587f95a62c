/**
 * @module segment-plan
 * Which segments of the live generation a new generation keeps as they are,
 * and which documents go into its one new segment. A document whose file and
 * chunks are unchanged stays where it is; changed and new documents go into
 * the new segment, and their old versions become deleted in their old
 * segment. Segments merge (their live documents are rewritten into the new
 * segment, from vectors already computed) when too much of them is deleted or
 * when there are too many, so searches fan out to a few segments at most.
 */
import type { SourceFileRecord } from "../source-records.js";
import type { Manifest, SegmentRecord } from "./manifest.js";

// Past these, a segment is rewritten: deleted chunks still cost memory and search
// time, and every segment is one more HNSW search per query.
export const MAX_DELETED_FRACTION = 0.3;
export const MAX_SEGMENTS = 6;

export interface SegmentPlan {
  /** Live segments carried over with their files unchanged, oldest first, their deletions brought up to date. */
  kept: SegmentRecord[];
  /** Sources whose chunks are written into the new segment (empty: no new segment). */
  fresh: Set<string>;
  /** The segment holding each source's chunks once published; fresh sources map to the new segment's name. */
  segmentOf: Map<string, string>;
}

/** Settings that must match for any segment to be reused. */
type IndexSettings = Pick<Manifest, "embedder" | "chunking" | "hnsw" | "space" | "bm25">;

export function planSegments(live: Manifest | undefined, next: IndexSettings & { files: SourceFileRecord[] }, freshName: string): SegmentPlan {
  const reusable = live && segmentsReusable(live, next) ? live : undefined;
  const before = new Map((reusable?.files ?? []).map((f) => [f.source, f]));
  // Where each unchanged document lives now, and how many live chunks each segment keeps.
  const stays = new Map<string, string>();
  const liveChunks = new Map<string, number>();
  for (const file of next.files) {
    const old = before.get(file.source);
    // Another loader version may have read the same chunks with another title: the file's rows are written anew.
    if (old?.segment && old.sha256 === file.sha256 && old.loader === file.loader && old.chunksDigest !== undefined && old.chunksDigest === file.chunksDigest) {
      stays.set(file.source, old.segment);
      liveChunks.set(old.segment, (liveChunks.get(old.segment) ?? 0) + (file.chunkCount ?? 0));
    }
  }
  let kept = (reusable?.segments ?? []).filter((s) => liveChunks.has(s.name) && liveChunks.get(s.name)! >= (1 - MAX_DELETED_FRACTION) * s.chunkCount);
  const needsFreshSegment = (names: Set<string>) => next.files.some((f) => !names.has(stays.get(f.source) ?? ""));
  while (kept.length + (needsFreshSegment(new Set(kept.map((s) => s.name))) ? 1 : 0) > MAX_SEGMENTS) {
    const smallest = kept.reduce((a, b) => (b.chunkCount < a.chunkCount ? b : a));
    kept = kept.filter((s) => s !== smallest);
  }
  const keptNames = new Set(kept.map((s) => s.name));
  const fresh = new Set<string>();
  const segmentOf = new Map<string, string>();
  for (const file of next.files) {
    const old = stays.get(file.source);
    const segment = old && keptNames.has(old) ? old : freshName;
    if (segment === freshName) fresh.add(file.source);
    segmentOf.set(file.source, segment);
  }
  // A kept segment's documents that no longer live there (changed, removed) join its deletions.
  const newlyDeleted = new Map(kept.map((s) => [s.name, [] as string[]]));
  for (const file of reusable?.files ?? []) {
    if (file.segment && segmentOf.get(file.source) !== file.segment) newlyDeleted.get(file.segment)?.push(file.source);
  }
  return {
    kept: kept.map((s) => ({ ...s, deletedSources: [...s.deletedSources, ...newlyDeleted.get(s.name)!] })),
    fresh,
    segmentOf,
  };
}

/** Whether segments built with `a`'s settings can serve in a generation with `b`'s: same embedder, chunking, HNSW and BM25 parameters, and space. */
function segmentsReusable(a: IndexSettings, b: IndexSettings): boolean {
  // A generation that did not record its BM25 parameters was built with the calibrated ones of its day: taken as the same.
  const bm25 = (x: IndexSettings, other: IndexSettings) => x.bm25 ?? other.bm25;
  return (
    JSON.stringify([a.embedder, a.chunking, a.hnsw, a.space, bm25(a, b)]) === JSON.stringify([b.embedder, b.chunking, b.hnsw, b.space, bm25(b, a)])
  );
}
