/**
 * @module generations
 * Index generations on disk. Each build is written into a temporary folder,
 * checked, renamed to its generation name, and published by atomically
 * replacing the `CURRENT` pointer file. A reader sees the old generation or the
 * new one, never a half-written one; the previous generation is kept as a
 * fallback for a corrupt current one. A generation is a list of segments
 * (segments.ts): the segments a change leaves alone are hard-linked from the
 * previous generation, never rewritten, so a file shared by two generations
 * is never open for writing.
 */
import { copyFile, link, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "../../core/process.js";
import type { Chunk, EmbedderIdentity, LoadedSnapshot, StoredDocument } from "../../core/types.js";
import type { Bm25Parameters } from "../../retrieval/bm25.js";
import { KeywordIndex } from "../../retrieval/keyword-index.js";
import { checkEmbedder, EmbedderMismatchError, IndexUnusableError } from "../errors.js";
import type { SourceRecords } from "../source-records.js";
import type { GenerationInput, LoadOutcome } from "../types.js";
import { loadedSnapshot } from "../loaded-snapshot.js";
import { checkDataFileSizes, readDataFile, recordOf, writeDurably } from "./data-files.js";
import { DEFAULT_HNSW } from "./hnsw-store.js";
import { FORMAT_VERSION, indexManifestSchema, sourceRecordsSchema, type IndexManifest, type Manifest } from "./manifest.js";
import { planSegments } from "./segment-plan.js";
import { SegmentedVectorStore } from "./segmented-vector-store.js";
import { newSegmentName, readSegment, segmentFiles, writeSegment, type Segment } from "./segments.js";

const POINTER = "CURRENT";
const MANIFEST = "manifest.json";
const SOURCES = "sources.json";
const GENERATIONS_KEPT = 2;

export interface EmbeddedStoreOptions {
  /** BM25 parameters of the keyword segments it writes (config.retrieval.bm25). */
  bm25: Bm25Parameters;
}

/**
 * What this process holds of the live generation: its segments in memory and,
 * after its own publish, its whole manifest. The next publish or reload then
 * reads only what is new (generation and segment names are unique, and
 * neither changes once written).
 */
export class LiveGenerationCache {
  private readonly segments = new Map<string, Segment>();
  private manifest: Manifest | undefined;

  segment(name: string): Segment | undefined {
    return this.segments.get(name);
  }

  /** The manifest of `generation` with its source records, when this process published it. */
  manifestOf(generation: string): Manifest | undefined {
    return this.manifest?.generation === generation ? this.manifest : undefined;
  }

  /** Keeps exactly the live generation's segments (older snapshots hold their own references). */
  remember(segments: readonly Segment[], manifest?: Manifest): void {
    this.segments.clear();
    for (const segment of segments) this.segments.set(segment.name, segment);
    this.manifest = manifest;
  }
}

/**
 * Writes a new generation and makes it the live one: a new segment for the
 * documents that changed, the live generation's other segments linked as they
 * are. Returns it as a snapshot ready to serve, reusing the segments `cache`
 * holds (a server's live ones) instead of reading them again; a segment that
 * must be read and fails its checks is not carried over.
 */
export async function publishGeneration(
  indexDir: string,
  input: GenerationInput,
  cache = new LiveGenerationCache(),
  options: EmbeddedStoreOptions,
): Promise<LoadedSnapshot> {
  await mkdir(indexDir, { recursive: true });
  // The index parameters are this store's own; they are recorded so that segments built with others are not reused.
  const settings = { ...input.manifest, hnsw: DEFAULT_HNSW, bm25: options.bm25 };
  const live = await readLiveManifest(indexDir, cache);
  const builtAt = new Date();
  const generation = `gen-${builtAt.toISOString().replace(/[-:.]/g, "").replace("T", "-").slice(0, 18)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const freshName = newSegmentName();
  let plan = planSegments(live, settings, freshName);
  // The segments carried over, as this process holds them or read (and checked) from the live generation.
  const carried = new Map<string, Segment>();
  try {
    for (const { name } of plan.kept) carried.set(name, cache.segment(name) ?? (await readSegment(path.join(indexDir, live!.generation), name, live!)));
  } catch (error) {
    if (!(error instanceof IndexUnusableError)) throw error;
    // A damaged segment is not carried over: everything is written anew from the input.
    plan = planSegments(undefined, settings, freshName);
    carried.clear();
  }
  const staging = path.join(indexDir, `.staging-${generation}`);
  await mkdir(staging);
  try {
    const dataFiles: IndexManifest["dataFiles"] = {};
    for (const { name } of plan.kept) {
      for (const file of Object.values(segmentFiles(name))) {
        await linkOrCopy(path.join(indexDir, live!.generation, file), path.join(staging, file));
        dataFiles[file] = live!.dataFiles[file]!;
      }
    }
    let fresh: Segment | undefined;
    if (plan.fresh.size) {
      const written = await writeSegment(staging, freshName, freshContents(input, plan.fresh), { dimension: settings.embedder.dimension, hnsw: settings.hnsw, bm25: settings.bm25 });
      fresh = written.segment;
      Object.assign(dataFiles, written.dataFiles);
    }
    const { files, unreadable, ...recorded } = settings;
    const sourceFiles = files.map((file) => ({ ...file, segment: plan.segmentOf.get(file.source) }));
    const sources = Buffer.from(JSON.stringify({ files: sourceFiles, unreadable }));
    await writeDurably(path.join(staging, SOURCES), sources);
    dataFiles[SOURCES] = await recordOf(sources);
    const manifest: IndexManifest = {
      ...recorded,
      formatVersion: FORMAT_VERSION,
      generation,
      builtAt: builtAt.toISOString(),
      segments: [...plan.kept, ...(fresh ? [{ name: fresh.name, chunkCount: fresh.chunks.length, deletedSources: [] }] : [])],
      chunkCount: input.chunks.length,
      documentCount: input.documents.size,
      dataFiles,
    };
    await writeDurably(path.join(staging, MANIFEST), JSON.stringify(manifest));
    await rename(staging, path.join(indexDir, generation));
    await writeDurably(path.join(indexDir, `${POINTER}.tmp-${process.pid}`), `${generation}\n`);
    await rename(path.join(indexDir, `${POINTER}.tmp-${process.pid}`), path.join(indexDir, POINTER));
    await pruneGenerations(indexDir, generation);
    const segments = manifest.segments.map(({ name }) => (name === fresh?.name ? fresh : carried.get(name)!));
    cache.remember(segments, { ...manifest, files: sourceFiles, unreadable });
    return assembleSnapshot(manifest, segments);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The chunks, documents, vectors and keyword documents of `sources`, for the new segment. */
function freshContents(input: GenerationInput, sources: ReadonlySet<string>) {
  const positions = input.chunks.flatMap((chunk, i) => (sources.has(chunk.source) ? [i] : []));
  return {
    chunks: positions.map((i) => input.chunks[i]!),
    documents: [...input.documents.values()].filter((d) => sources.has(d.source)),
    vectors: positions.map((i) => input.vectors[i]!),
    keywordDocuments: positions.map((i) => input.keywordDocuments[i]!),
  };
}

/** A hard link where the file system allows one (no bytes copied), else a copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    await copyFile(from, to);
  }
}

/** The live generation's name, or undefined when nothing was ever published. */
export async function currentGeneration(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(path.join(indexDir, POINTER), "utf8")).trim();
    return name || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Loads one generation, verifying every data file against the manifest first (segments already in `cache` are reused). */
export async function loadGeneration(indexDir: string, generation: string, embedder: EmbedderIdentity, cache = new LiveGenerationCache()): Promise<LoadedSnapshot> {
  const dir = path.join(indexDir, generation);
  const manifest = await readManifest(path.join(dir, MANIFEST));
  checkEmbedder(manifest.embedder, embedder, dir);
  const segments = await Promise.all(manifest.segments.map(({ name }) => cache.segment(name) ?? readSegment(dir, name, manifest)));
  cache.remember(segments, cache.manifestOf(generation));
  return assembleSnapshot(manifest, segments);
}

/**
 * The live generation's manifest and source records when its files are all
 * there at their recorded sizes, else undefined: what an incremental build
 * compares with and links from. Checksums of the segment files are verified
 * when a generation is loaded; sizes are enough here, where reading every
 * byte would cost more than a small change.
 */
export async function readLiveManifest(indexDir: string, cache?: LiveGenerationCache): Promise<Manifest | undefined> {
  const live = await currentGeneration(indexDir);
  if (!live) return undefined;
  const known = cache?.manifestOf(live);
  if (known) return known;
  const dir = path.join(indexDir, live);
  try {
    const manifest = await readManifest(path.join(dir, MANIFEST));
    await checkDataFileSizes(dir, manifest);
    return { ...manifest, ...(await readSources(dir, manifest)) };
  } catch (error) {
    if (error instanceof IndexUnusableError) return undefined;
    throw error;
  }
}

async function readSources(dir: string, manifest: IndexManifest): Promise<SourceRecords> {
  const file = path.join(dir, SOURCES);
  const parsed = sourceRecordsSchema.safeParse(JSON.parse((await readDataFile(dir, SOURCES, manifest)).toString("utf8")));
  if (!parsed.success) throw new IndexUnusableError(`index file ${file} is invalid: ${parsed.error.issues[0]?.message}`, file);
  return parsed.data;
}

/** Every segment's chunks and documents but those its manifest record lists as deleted. */
function assembleSnapshot(manifest: IndexManifest, segments: Segment[]): LoadedSnapshot {
  const chunks: Chunk[] = [];
  const documents = new Map<string, StoredDocument>();
  const parts = segments.map((segment, i) => {
    const gone = new Set(manifest.segments[i]!.deletedSources);
    const deleted = new Set<number>();
    for (let label = 0; label < segment.chunks.length; label++) {
      const chunk = segment.chunks[label]!;
      if (gone.size && gone.has(chunk.source)) deleted.add(label);
      else chunks.push(chunk);
    }
    for (const doc of segment.documents) if (!gone.has(doc.source)) documents.set(doc.source, doc);
    return { segment, deleted };
  });
  return loadedSnapshot({
    manifest,
    chunks,
    documents,
    vectors: new SegmentedVectorStore(parts.map(({ segment, deleted }) => ({ store: segment.vectors, deleted })), manifest.embedder.dimension),
    keywords: KeywordIndex.of(parts.map(({ segment, deleted }) => ({ segment: segment.keywords, deleted }))),
  });
}

/**
 * Loads the live generation, falling back to older ones when it is unusable.
 * Returns undefined when there is no index at all. An embedder mismatch is
 * never "fallen back" from: every generation would have the same problem.
 */
export async function loadLiveIndex(indexDir: string, embedder: EmbedderIdentity, cache = new LiveGenerationCache()): Promise<LoadOutcome<LoadedSnapshot> | undefined> {
  const live = await currentGeneration(indexDir);
  const candidates = [...new Set([...(live ? [live] : []), ...(await listGenerations(indexDir)).reverse()])];
  const rejected: LoadOutcome["rejected"] = [];
  for (const generation of candidates) {
    try {
      return { snapshot: await loadGeneration(indexDir, generation, embedder, cache), rejected };
    } catch (error) {
      if (error instanceof EmbedderMismatchError) throw error;
      if (error instanceof IndexUnusableError) rejected.push({ generation, error });
      else rejected.push({ generation, error: new IndexUnusableError(`generation ${generation}: ${(error as Error).message}`, undefined, { cause: error }) });
    }
  }
  if (rejected.length) throw rejected[0]!.error;
  return undefined;
}

async function readManifest(file: string): Promise<IndexManifest> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (cause) {
    throw new IndexUnusableError(`index manifest ${file} cannot be read`, file, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new IndexUnusableError(`index manifest ${file} is not valid JSON (truncated?)`, file, { cause });
  }
  const version = (json as { formatVersion?: unknown })?.formatVersion;
  if (version !== FORMAT_VERSION) {
    throw new IndexUnusableError(`index manifest ${file} has format version ${String(version)}, this build reads ${FORMAT_VERSION}; rebuild the index`, file);
  }
  const parsed = indexManifestSchema.safeParse(json);
  if (!parsed.success) throw new IndexUnusableError(`index manifest ${file} is invalid: ${parsed.error.issues[0]?.message}`, file);
  return parsed.data;
}

/** Generation folders, oldest first (names sort by build time). */
async function listGenerations(indexDir: string): Promise<string[]> {
  const entries = await readdir(indexDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && e.name.startsWith("gen-")).map((e) => e.name).sort();
}

/** Keeps the live generation and the one before it; removes older ones and abandoned staging folders. */
async function pruneGenerations(indexDir: string, live: string): Promise<void> {
  const generations = (await listGenerations(indexDir)).filter((g) => g !== live);
  const keep = new Set([live, ...generations.slice(-(GENERATIONS_KEPT - 1))]);
  const entries = await readdir(indexDir, { withFileTypes: true });
  for (const entry of entries) {
    const stale = (entry.name.startsWith("gen-") && !keep.has(entry.name)) || isAbandonedStaging(entry.name);
    if (stale) await rm(path.join(indexDir, entry.name), { recursive: true, force: true });
  }
}

// A staging folder or pointer temp file of a process that is no longer running.
function isAbandonedStaging(name: string): boolean {
  const match = /^(?:\.staging-gen-[^-]+-[^-]+-(\d+)-|CURRENT\.tmp-(\d+)$)/.exec(name);
  if (!match) return false;
  const pid = Number(match[1] ?? match[2]);
  return pid !== process.pid && !isProcessAlive(pid);
}
