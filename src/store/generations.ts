/**
 * @module generations
 * Index generations on disk. Each build is written into a temporary folder,
 * checked, renamed to its generation name, and published by atomically
 * replacing the `CURRENT` pointer file. A reader sees the old generation or the
 * new one, never a half-written one; the previous generation is kept as a
 * fallback for a corrupt current one.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Chunk } from "../ingest/types.js";
import { KeywordIndex, type SerializedKeywordIndex } from "../retrieval/keyword-index.js";
import { EmbedderMismatchError, IndexUnusableError } from "./errors.js";
import { HnswStore, type HnswInput } from "./hnsw-store.js";
import { FORMAT_VERSION, manifestSchema, type Manifest } from "./manifest.js";
import type { IndexSnapshot, StoredDocument } from "./snapshot.js";

const POINTER = "CURRENT";
const FILES = { manifest: "manifest.json", vectors: "vectors.hnsw", chunks: "chunks.jsonl", documents: "documents.jsonl", keywords: "keywords.json" };
const GENERATIONS_KEPT = 2;

export type GenerationContents = Omit<IndexSnapshot, "manifest" | "chunkById" | "vectors" | "keywords"> & {
  /** A built index, or vectors to index: those are built in a worker straight into the generation's file. */
  vectors: HnswStore | HnswInput;
  keywords: KeywordIndex;
  manifest: Omit<Manifest, "formatVersion" | "generation" | "builtAt" | "dataFiles" | "chunkCount" | "documentCount">;
};

/**
 * Writes a new generation and makes it the live one. Returns it as a snapshot
 * ready to serve (the caller's objects, not a re-read of the files).
 */
export async function publishGeneration(indexDir: string, contents: GenerationContents): Promise<IndexSnapshot> {
  await mkdir(indexDir, { recursive: true });
  const builtAt = new Date();
  const generation = `gen-${builtAt.toISOString().replace(/[-:.]/g, "").replace("T", "-").slice(0, 18)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const staging = path.join(indexDir, `.staging-${generation}`);
  await mkdir(staging);
  try {
    const vectors = await writeVectors(contents.vectors, path.join(staging, FILES.vectors));
    await writeDurably(path.join(staging, FILES.chunks), jsonLines(contents.chunks));
    await writeDurably(path.join(staging, FILES.documents), jsonLines([...contents.documents.values()]));
    await writeDurably(path.join(staging, FILES.keywords), JSON.stringify(contents.keywords.toJSON()));
    const dataFiles: Manifest["dataFiles"] = {};
    for (const name of [FILES.vectors, FILES.chunks, FILES.documents, FILES.keywords]) {
      dataFiles[name] = await describeFile(path.join(staging, name));
    }
    const manifest: Manifest = {
      ...contents.manifest,
      formatVersion: FORMAT_VERSION,
      generation,
      builtAt: builtAt.toISOString(),
      chunkCount: contents.chunks.length,
      documentCount: contents.documents.size,
      dataFiles,
    };
    await writeDurably(path.join(staging, FILES.manifest), JSON.stringify(manifest, null, 2));
    await rename(staging, path.join(indexDir, generation));
    await writeDurably(path.join(indexDir, `${POINTER}.tmp-${process.pid}`), `${generation}\n`);
    await rename(path.join(indexDir, `${POINTER}.tmp-${process.pid}`), path.join(indexDir, POINTER));
    await pruneGenerations(indexDir, generation);
    return assembleSnapshot(manifest, contents.chunks, [...contents.documents.values()], vectors, contents.keywords);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeVectors(vectors: HnswStore | HnswInput, file: string): Promise<HnswStore> {
  if (!(vectors instanceof HnswStore)) return HnswStore.buildToFile(file, vectors);
  await vectors.save(file);
  return vectors;
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

export interface ExpectedEmbedder {
  id: string;
  dimension: number;
}

/** Loads one generation, verifying every data file against the manifest first. */
export async function loadGeneration(indexDir: string, generation: string, embedder: ExpectedEmbedder): Promise<IndexSnapshot> {
  const dir = path.join(indexDir, generation);
  const manifest = await readManifest(path.join(dir, FILES.manifest));
  if (manifest.embedder.id !== embedder.id || manifest.embedder.dimension !== embedder.dimension) {
    throw new EmbedderMismatchError(
      `the index in ${dir} was built with embedder ${manifest.embedder.id} (${manifest.embedder.dimension}-d), ` +
        `but ${embedder.id} (${embedder.dimension}-d) is configured; it must be rebuilt`,
    );
  }
  // hnswlib reads the (checked) vector file on its own thread while this one
  // checks and parses the JSON files: at 100k chunks the two take about as long.
  const chunks = readDataFile(dir, FILES.chunks, manifest).then((data) => parseJsonLines<Chunk>(data));
  const vectorsFile = path.join(dir, FILES.vectors);
  const vectorsLoaded = checkDataFile(dir, FILES.vectors, manifest).then(() =>
    // A chunk file that fails is reported by its own promise; the vectors wait for the ids only.
    HnswStore.load(vectorsFile, chunks.then((list) => list.map((c) => c.id), () => []), manifest.embedder.dimension, manifest.hnsw).catch((cause) => {
      throw new IndexUnusableError(`index file ${vectorsFile} cannot be loaded: ${(cause as Error).message}`, vectorsFile, { cause });
    }),
  );
  const [chunkList, documents, keywords, vectors] = await Promise.all([
    chunks,
    readDataFile(dir, FILES.documents, manifest).then((data) => parseJsonLines<StoredDocument>(data)),
    readDataFile(dir, FILES.keywords, manifest).then((data) => KeywordIndex.fromJSON(JSON.parse(data) as SerializedKeywordIndex)),
    vectorsLoaded,
  ]);
  return assembleSnapshot(manifest, chunkList, documents, vectors, keywords);
}

/**
 * The live generation's manifest when the generation is intact (every data
 * file matches it), else undefined: what an incremental build compares with.
 */
export async function readLiveManifest(indexDir: string): Promise<Manifest | undefined> {
  const live = await currentGeneration(indexDir);
  if (!live) return undefined;
  const dir = path.join(indexDir, live);
  try {
    const manifest = await readManifest(path.join(dir, FILES.manifest));
    await verifyDataFiles(dir, manifest);
    return manifest;
  } catch (error) {
    if (error instanceof IndexUnusableError) return undefined;
    throw error;
  }
}

/** Throws an IndexUnusableError naming the first data file whose size or checksum differs from the manifest. */
async function verifyDataFiles(dir: string, manifest: Manifest): Promise<void> {
  for (const name of Object.keys(manifest.dataFiles)) await checkDataFile(dir, name, manifest);
}

/** Checks one data file against the manifest without holding it in memory (the vector file is hundreds of MB). */
async function checkDataFile(dir: string, name: string, manifest: Manifest): Promise<void> {
  const file = path.join(dir, name);
  const actual = await describeFile(file).catch((cause) => {
    throw new IndexUnusableError(`index file ${file} cannot be read`, file, { cause });
  });
  compareWithManifest(file, actual, manifest.dataFiles[name]);
}

/** Reads one data file, checked against the manifest, as text: each file is read once, for its checksum and its contents. */
async function readDataFile(dir: string, name: string, manifest: Manifest): Promise<string> {
  const file = path.join(dir, name);
  const data = await readFile(file).catch((cause) => {
    throw new IndexUnusableError(`index file ${file} cannot be read`, file, { cause });
  });
  compareWithManifest(file, { size: data.length, sha256: createHash("sha256").update(data).digest("hex") }, manifest.dataFiles[name]);
  return data.toString("utf8");
}

function compareWithManifest(file: string, actual: { size: number; sha256: string }, expected: Manifest["dataFiles"][string] | undefined): void {
  if (!expected) throw new IndexUnusableError(`index file ${file} is not listed in the manifest`, file);
  if (actual.size !== expected.size) {
    throw new IndexUnusableError(`index file ${file} is ${actual.size} bytes, the manifest says ${expected.size} (truncated?)`, file);
  }
  if (actual.sha256 !== expected.sha256) throw new IndexUnusableError(`index file ${file} is corrupt (checksum mismatch)`, file);
}

function assembleSnapshot(
  manifest: Manifest,
  chunks: Chunk[],
  documents: StoredDocument[],
  vectors: HnswStore,
  keywords: KeywordIndex,
): IndexSnapshot {
  return {
    manifest,
    chunks,
    chunkById: new Map(chunks.map((c) => [c.id, c])),
    documents: new Map(documents.map((d) => [d.source, d])),
    vectors,
    keywords,
  };
}

export interface LoadOutcome {
  snapshot: IndexSnapshot;
  /** Generations that were tried first and could not be used, with the reason. */
  rejected: { generation: string; error: IndexUnusableError }[];
}

/**
 * Loads the live generation, falling back to older ones when it is unusable.
 * Returns undefined when there is no index at all. An embedder mismatch is
 * never "fallen back" from: every generation would have the same problem.
 */
export async function loadLiveIndex(indexDir: string, embedder: ExpectedEmbedder): Promise<LoadOutcome | undefined> {
  const live = await currentGeneration(indexDir);
  const candidates = [...new Set([...(live ? [live] : []), ...(await listGenerations(indexDir)).reverse()])];
  const rejected: LoadOutcome["rejected"] = [];
  for (const generation of candidates) {
    try {
      return { snapshot: await loadGeneration(indexDir, generation, embedder), rejected };
    } catch (error) {
      if (error instanceof EmbedderMismatchError) throw error;
      if (error instanceof IndexUnusableError) rejected.push({ generation, error });
      else rejected.push({ generation, error: new IndexUnusableError(`generation ${generation}: ${(error as Error).message}`, undefined, { cause: error }) });
    }
  }
  if (rejected.length) throw rejected[0]!.error;
  return undefined;
}

async function readManifest(file: string): Promise<Manifest> {
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
  const parsed = manifestSchema.safeParse(json);
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

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function writeDurably(file: string, data: string): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function describeFile(file: string): Promise<{ size: number; sha256: string }> {
  const { size } = await stat(file);
  const hash = createHash("sha256");
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return { size, sha256: hash.digest("hex") };
}

function jsonLines(items: readonly unknown[]): string {
  return items.map((item) => JSON.stringify(item)).join("\n") + (items.length ? "\n" : "");
}

function parseJsonLines<T>(text: string): T[] {
  return text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as T);
}

