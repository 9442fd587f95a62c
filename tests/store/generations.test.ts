import { readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_CALIBRATION, loadConfig } from "../../src/config.js";
import { createEmbedder, type Embedder } from "../../src/embeddings/index.js";
import { buildIndex } from "../../src/ingest/build-index.js";
import type { BuildProgress } from "../../src/ingest/progress.js";
import { openIndex } from "../../src/ingest/open-index.js";
import { loaded } from "../helpers/loaded.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { currentGeneration, readLiveManifest } from "../../src/store/embedded/generations.js";
import { MAX_SEGMENTS } from "../../src/store/embedded/segment-plan.js";
import { segmentFiles } from "../../src/store/embedded/segments.js";
import { makeTempDir } from "../helpers/test-server.js";
import { FERRY, FERRY_REPLACED, KILN, LIBRARY, writeCorpus } from "../reindex/fixtures.js";
import { embeddedStore } from "../../src/store/embedded/index.js";

const chunking = { size: 480, overlap: 80 };

/** A silent logger whose warnings are kept, to check what an operator would read. */
function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = createLogger("silent");
  logger.warn = ((obj: unknown, msg?: string) => void warnings.push(String(msg ?? obj))) as typeof logger.warn;
  return { logger, warnings };
}

describe("index generations on disk", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createEmbedder(loadConfig({ EMBEDDING_WORKERS: "0" }));
  });
  afterAll(() => embedder?.close?.());

  async function twoGenerations() {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY });
    const indexDir = path.join(await makeTempDir(), "index");
    const first = await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    await writeFile(path.join(corpusDir, "library.txt"), LIBRARY);
    const second = await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    return { corpusDir, indexDir, first: first.manifest.generation, second: second.manifest.generation };
  }

  /** Enough documents that changing one leaves most of its segment live (no merge). */
  const notes = Object.fromEntries([1, 2, 3, 4].map((n) => [`note-${n}.txt`, `Note ${n}\n\nThe quarry bell rang ${n} times on day ${n}.\n`]));

  /** The live generation's segment files, by segment. */
  async function liveSegments(indexDir: string) {
    const manifest = (await readLiveManifest(indexDir))!;
    return manifest.segments.map((segment) => ({ ...segment, files: segmentFiles(segment.name), dir: path.join(indexDir, manifest.generation) }));
  }

  it("When the vector file of the live generation's newest segment is truncated, Then start-up names the file and serves the previous generation", async () => {
    const { corpusDir, indexDir, first, second } = await twoGenerations();
    const newest = (await liveSegments(indexDir)).at(-1)!;
    const vectors = path.join(newest.dir, newest.files.vectors);
    await truncate(vectors, 100);

    const { logger, warnings } = recordingLogger();
    const snapshot = loaded(await openIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder, logger }));
    expect(snapshot.manifest.generation).toBe(first);
    expect(warnings.join("\n")).toContain(`index file ${vectors} is 100 bytes`);
    expect(snapshot.vectors.size).toBe(snapshot.chunks.length);
    expect(second).not.toBe(first);
  });

  it("When the newest segment's vector file has a flipped byte, Then start-up names it as corrupt and serves the previous generation", async () => {
    const { corpusDir, indexDir, first } = await twoGenerations();
    const newest = (await liveSegments(indexDir)).at(-1)!;
    const vectors = path.join(newest.dir, newest.files.vectors);
    const bytes = await readFile(vectors);
    // Inside the vector data, where hnswlib's own structure checks cannot see it.
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    await writeFile(vectors, bytes);

    const { logger, warnings } = recordingLogger();
    const snapshot = loaded(await openIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder, logger }));
    expect(warnings.join("\n")).toContain(`index file ${vectors} is corrupt (checksum mismatch)`);
    expect(snapshot.manifest.generation).toBe(first);
  });

  it("When a segment shared by both generations has a flipped byte, Then start-up names the file and rebuilds from the corpus", async () => {
    const { corpusDir, indexDir } = await twoGenerations();
    const shared = (await liveSegments(indexDir))[0]!;
    const documents = path.join(shared.dir, shared.files.documents);
    const bytes = await readFile(documents);
    const at = bytes.length - 3;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x20, at);
    await writeFile(documents, bytes);

    const { logger, warnings } = recordingLogger();
    const snapshot = loaded(await openIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder, logger }));
    expect(warnings.join("\n")).toContain(`index file ${documents} is corrupt (checksum mismatch)`);
    expect(snapshot.documents.get("kiln.txt")?.text).toBe(KILN);
    expect(snapshot.chunks.map((c) => c.source).sort()).toEqual(expect.arrayContaining(["ferry.txt", "kiln.txt", "library.txt"]));
  });

  it("When one file of three changes, Then the new generation links the other segment's files and writes a segment with that file only", async () => {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY, ...notes });
    const indexDir = path.join(await makeTempDir(), "index");
    const first = loaded((await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder })).published);
    const [base] = await liveSegments(indexDir);
    await writeFile(path.join(corpusDir, "ferry.txt"), FERRY_REPLACED);
    const report = await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    const second = loaded(report.published);

    const [kept, added] = await liveSegments(indexDir);
    expect(kept!.name).toBe(base!.name);
    expect(kept!.deletedSources).toEqual(["ferry.txt"]);
    // The same bytes on disk, not a copy: hard links share an inode.
    const inode = async (dir: string) => (await stat(path.join(dir, base!.files.vectors))).ino;
    expect(await inode(kept!.dir)).toBe(await inode(base!.dir));
    expect(added!.chunkCount).toBe(second.chunks.filter((c) => c.source === "ferry.txt").length);
    expect(report.chunks.embedded).toBe(added!.chunkCount);

    const ferryQuery = await embedder.embedQuery("When does the Wrenfield ferry depart from Pier 7?");
    const oldFerryIds = new Set(first.chunks.filter((c) => c.source === "ferry.txt").map((c) => c.id));
    const hits = [...(await second.vectors.search(ferryQuery, 50)), ...(await second.keywords.search("ferry departs every 40 minutes", 50))];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((hit) => oldFerryIds.has(hit.id))).toEqual([]);
    expect(hits.every((hit) => second.chunkById.has(hit.id))).toBe(true);
    expect(second.documents.get("ferry.txt")?.text).toBe(FERRY_REPLACED);
    expect(second.chunks).toHaveLength(second.vectors.size);
    // The snapshot a request started on still answers from its own generation.
    expect((await first.keywords.search("ferry departs every 40 minutes", 1))[0]?.id).toBe([...oldFerryIds][0]);
    expect(first.documents.get("ferry.txt")?.text).toBe(FERRY);

    // A fresh start reads the same two segments back and serves the same thing.
    const reloaded = loaded(await openIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder, logger: recordingLogger().logger }));
    expect(reloaded.chunks.map((c) => c.id).sort()).toEqual(second.chunks.map((c) => c.id).sort());
    expect(await reloaded.keywords.search("Quillon bridge tolls", 3)).toEqual(await second.keywords.search("Quillon bridge tolls", 3));
  });

  it("When a build is given the live snapshot being served, Then unchanged files come from it, not from disk, and the index equals one built by reading every file", async () => {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY, ...notes });
    const indexDir = path.join(await makeTempDir(), "index");
    const served = loaded((await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder })).published);
    await writeFile(path.join(corpusDir, "ferry.txt"), FERRY_REPLACED);
    const loads: number[] = [];
    const onProgress = (progress: BuildProgress) => void (progress.phase === "files" && progress.done === 0 && loads.push(progress.total));

    const incremental = loaded((await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder, serving: served, onProgress })).published);
    expect(loads).toEqual([1]);
    expect(incremental.documents.get("ferry.txt")?.text).toBe(FERRY_REPLACED);
    const otherIndexDir = path.join(await makeTempDir(), "index");
    const fromDisk = loaded((await buildIndex({ corpusDir, indexDir: otherIndexDir, store: embeddedStore(otherIndexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder })).published);
    const byId = (chunks: typeof fromDisk.chunks) => [...chunks].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(incremental.chunks)).toEqual(byId(fromDisk.chunks));
    expect([...incremental.documents.keys()].sort()).toEqual([...fromDisk.documents.keys()].sort());
    const records = async (dir: string) => (await readLiveManifest(dir))!.files.map(({ segment: _segment, indexedAt: _indexedAt, ...record }) => record);
    expect(await records(indexDir)).toEqual(await records(otherIndexDir));

    // A snapshot of another generation (here: the one just replaced) is not trusted: every file is read.
    await writeFile(path.join(corpusDir, "kiln.txt"), `${KILN}\nThe kiln is closed in August.\n`);
    await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder, serving: served, onProgress });
    expect(loads).toEqual([1, 7]);
  });

  it("When a file is removed, Then no segment is written and its chunks are deleted where they live", async () => {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY, ...notes });
    const indexDir = path.join(await makeTempDir(), "index");
    await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    await rm(path.join(corpusDir, "library.txt"));
    const snapshot = loaded((await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder })).published);
    const segments = await liveSegments(indexDir);
    expect(segments).toHaveLength(1);
    expect(segments[0]!.deletedSources).toEqual(["library.txt"]);
    expect(snapshot.documents.has("library.txt")).toBe(false);
    // Only the removed file mentions these words.
    expect(await snapshot.keywords.search("Hollowbrook library Saturdays", 10)).toEqual([]);
  });

  it(`When more changes accumulate than ${MAX_SEGMENTS} segments, Then segments merge and every document is served once, in its latest version`, async () => {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN, "ferry.txt": FERRY, "library.txt": LIBRARY });
    const indexDir = path.join(await makeTempDir(), "index");
    await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    let snapshot;
    for (let round = 1; round <= MAX_SEGMENTS + 2; round++) {
      await writeFile(path.join(corpusDir, `more-${round}.txt`), `Note ${round}\n\nThe quarry bell rang ${round} times on day ${round}.\n`);
      snapshot = loaded((await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder })).published);
      expect((await liveSegments(indexDir)).length).toBeLessThanOrEqual(MAX_SEGMENTS);
    }
    const sources = snapshot!.chunks.map((c) => c.source);
    expect(new Set(sources).size).toBe(3 + MAX_SEGMENTS + 2);
    expect(snapshot!.chunks).toHaveLength(snapshot!.vectors.size);
    // Every note exactly once, across however many segments they were merged into.
    const notesFound = (await snapshot!.keywords.search("quarry bell rang", 100)).map((hit) => snapshot!.chunkById.get(hit.id)!.source);
    expect(notesFound.sort()).toEqual(Array.from({ length: MAX_SEGMENTS + 2 }, (_, i) => `more-${i + 1}.txt`).sort());
  });

  it("When the only generation's manifest is truncated, Then start-up names the file and rebuilds from the corpus", async () => {
    const corpusDir = await writeCorpus({ "kiln.txt": KILN });
    const indexDir = path.join(await makeTempDir(), "index");
    const built = await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    const manifest = path.join(indexDir, built.manifest.generation, "manifest.json");
    await writeFile(manifest, (await readFile(manifest, "utf8")).slice(0, 40));

    const { logger, warnings } = recordingLogger();
    const snapshot = loaded(await openIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder, logger }));
    expect(warnings.join("\n")).toMatch(new RegExp(`index unusable: index manifest ${manifest.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not valid JSON`));
    expect(snapshot.manifest.generation).not.toBe(built.manifest.generation);
    expect(snapshot.chunks.map((c) => c.source)).toContain("kiln.txt");
  });

  it("When a build publishes, Then the pointer names it, the previous generation is kept and older ones are removed", async () => {
    const { corpusDir, indexDir, first, second } = await twoGenerations();
    expect(await currentGeneration(indexDir)).toBe(second);
    await writeFile(path.join(corpusDir, "kiln.txt"), `${KILN}\nThe kiln is closed in August.\n`);
    const third = (await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder })).manifest.generation;
    const generations = (await readdir(indexDir)).filter((name) => name.startsWith("gen-")).sort();
    expect(generations).toEqual([second, third].sort());
    expect(generations).not.toContain(first);
  });

  it("When the corpus has not changed, Then a build publishes nothing and embeds nothing", async () => {
    const { corpusDir, indexDir, second } = await twoGenerations();
    const report = await buildIndex({ corpusDir, indexDir, store: embeddedStore(indexDir, { bm25: BUNDLED_CALIBRATION.bm25 }), chunking, embedder });
    expect(report.published).toBeUndefined();
    expect(report.manifest.generation).toBe(second);
    expect(report.chunks.embedded).toBe(0);
    expect(report.files.unchanged).toHaveLength(3);
  });
});
