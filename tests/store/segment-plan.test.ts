import { describe, expect, it } from "vitest";
import { DEFAULT_HNSW } from "../../src/store/embedded/hnsw-store.js";
import type { Manifest } from "../../src/store/embedded/manifest.js";
import type { SourceFileRecord } from "../../src/store/source-records.js";
import { MAX_DELETED_FRACTION, MAX_SEGMENTS, planSegments } from "../../src/store/embedded/segment-plan.js";

const settings = { embedder: { id: "e", dimension: 4 }, chunking: { size: 480, overlap: 80 }, hnsw: DEFAULT_HNSW, space: "cosine" as const };

function file(source: string, version = 1, chunks = 1, segment?: string): SourceFileRecord {
  return { source, size: 10, mtimeMs: 0, sha256: `${source}@${version}`, chunkCount: chunks, chunksDigest: `${source}#${version}`, ...(segment && { segment }) };
}

/** A live generation whose segments hold `files` (each file names its segment). */
function live(segments: { name: string; files: SourceFileRecord[]; deletedSources?: string[] }[]): Manifest {
  return {
    ...settings,
    formatVersion: 3,
    generation: "gen-1",
    builtAt: "",
    chunkCount: 0,
    documentCount: 0,
    dataFiles: {},
    segments: segments.map((s) => ({
      name: s.name,
      chunkCount: s.files.reduce((n, f) => n + (f.chunkCount ?? 0), 0),
      deletedSources: s.deletedSources ?? [],
    })),
    files: segments.flatMap((s) => s.files.map((f) => ({ ...f, segment: s.name }))),
  };
}

const ten = Array.from({ length: 10 }, (_, i) => file(`doc-${i}.txt`));

describe("planSegments", () => {
  it("When one of ten files changes, Then its segment is kept with that file deleted and only the changed file is fresh", () => {
    const next = { ...settings, files: ten.map((f, i) => (i === 3 ? file(f.source, 2) : f)) };
    const plan = planSegments(live([{ name: "a", files: ten }]), next, "new");
    expect(plan.kept).toEqual([{ name: "a", chunkCount: 10, deletedSources: ["doc-3.txt"] }]);
    expect([...plan.fresh]).toEqual(["doc-3.txt"]);
    expect(plan.segmentOf.get("doc-3.txt")).toBe("new");
    expect(plan.segmentOf.get("doc-4.txt")).toBe("a");
  });

  it("When a file is removed and nothing is added, Then no new segment is planned and the file is deleted where it lived", () => {
    const plan = planSegments(live([{ name: "a", files: ten }]), { ...settings, files: ten.slice(1) }, "new");
    expect(plan.fresh.size).toBe(0);
    expect(plan.kept[0]!.deletedSources).toEqual(["doc-0.txt"]);
  });

  it(`When more than ${MAX_DELETED_FRACTION * 100} % of a segment is gone, Then its live files are rewritten into the new segment`, () => {
    const changed = Math.floor(ten.length * MAX_DELETED_FRACTION) + 1;
    const next = { ...settings, files: ten.map((f, i) => (i < changed ? file(f.source, 2) : f)) };
    const plan = planSegments(live([{ name: "a", files: ten }]), next, "new");
    expect(plan.kept).toEqual([]);
    expect(plan.fresh.size).toBe(ten.length);
  });

  it(`When a change would make more than ${MAX_SEGMENTS} segments, Then the smallest ones are merged into the new one`, () => {
    const segments = Array.from({ length: MAX_SEGMENTS }, (_, i) => ({ name: `s${i}`, files: [file(`f${i}.txt`, 1, i === 2 ? 1 : 5)] }));
    const next = { ...settings, files: [...segments.flatMap((s) => s.files), file("added.txt")] };
    const plan = planSegments(live(segments), next, "new");
    expect(plan.kept.map((s) => s.name)).toEqual(segments.map((s) => s.name).filter((name) => name !== "s2"));
    expect([...plan.fresh].sort()).toEqual(["added.txt", "f2.txt"]);
  });

  it("When the embedder or chunking differs from the live generation, Then nothing is reused", () => {
    const plan = planSegments(live([{ name: "a", files: ten }]), { ...settings, chunking: { size: 300, overlap: 50 }, files: ten }, "new");
    expect(plan.kept).toEqual([]);
    expect(plan.fresh.size).toBe(ten.length);
  });

  it("When a file's content is the same but its chunks differ, Then it is written again rather than reused", () => {
    const next = { ...settings, files: ten.map((f, i) => (i === 0 ? { ...f, chunksDigest: "other" } : f)) };
    expect([...planSegments(live([{ name: "a", files: ten }]), next, "new").fresh]).toEqual(["doc-0.txt"]);
  });
});
