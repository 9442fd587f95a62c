/**
 * @module segments
 * A segment is an immutable part of an embedded index: some documents, their
 * chunks, an HNSW graph and a BM25 segment over those chunks, in four files.
 * A generation is a list of segments (see generations.ts): a change writes
 * only a new segment for the changed documents and links the others' files
 * into the new generation unchanged, so publishing after a small change costs
 * little whatever the size of the index.
 */
import path from "node:path";
import type { Chunk, KeywordDocument, StoredDocument } from "../../core/types.js";
import type { Bm25Parameters } from "../../retrieval/bm25.js";
import { KeywordSegment } from "../../retrieval/keyword-segment.js";
import { checkDataFile, checkDataFileSizes, describeFile, readDataFile, recordOf, writeDurably, type DataFileRecord } from "./data-files.js";
import { IndexUnusableError } from "../errors.js";
import { readKeywordSegment, writeKeywordSegment } from "./keyword-segment-file.js";
import { HnswStore, type HnswParameters } from "./hnsw-store.js";
import type { IndexManifest } from "./manifest.js";

export interface Segment {
  name: string;
  /** Every chunk written in the segment, in label order (live or not). */
  chunks: Chunk[];
  documents: StoredDocument[];
  vectors: HnswStore;
  keywords: KeywordSegment;
}

export interface SegmentContents {
  chunks: Chunk[];
  documents: StoredDocument[];
  /** The embedding of each chunk, in chunk order. */
  vectors: ArrayLike<number>[];
  keywordDocuments: KeywordDocument[];
}

/** How a segment's indexes are built: the HNSW graph's dimension and parameters, and BM25's. */
export interface SegmentSettings {
  dimension: number;
  hnsw: HnswParameters;
  bm25: Bm25Parameters;
}

export function segmentFiles(name: string) {
  return { vectors: `${name}.hnsw`, keywords: `${name}.bm25`, chunks: `${name}.chunks.json`, documents: `${name}.documents` };
}

/** Unique, and short: every file record in the manifest names its segment. */
export function newSegmentName(): string {
  return `seg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Writes a segment's files into `dir`, the HNSW graph built in a worker thread.
 * Returns the segment ready to serve and its files' manifest records.
 */
export async function writeSegment(
  dir: string,
  name: string,
  contents: SegmentContents,
  settings: SegmentSettings,
): Promise<{ segment: Segment; dataFiles: Record<string, DataFileRecord> }> {
  const files = segmentFiles(name);
  const dataFiles: Record<string, DataFileRecord> = {};
  const writeRecorded = async (file: string, data: string | Buffer) => {
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    await writeDurably(path.join(dir, file), bytes);
    dataFiles[file] = await recordOf(bytes);
  };
  const keywords = await KeywordSegment.buildInSlices(contents.keywordDocuments, settings.bm25);
  await writeRecorded(files.keywords, writeKeywordSegment(keywords));
  await writeRecorded(files.chunks, encodeChunks(contents.chunks, contents.documents));
  await writeRecorded(files.documents, encodeDocuments(contents.documents));
  const vectorsFile = path.join(dir, files.vectors);
  const vectors = await HnswStore.buildToFile(vectorsFile, {
    ids: contents.chunks.map((c) => c.id),
    vectors: contents.vectors,
    dimension: settings.dimension,
    params: settings.hnsw,
  });
  dataFiles[files.vectors] = await describeFile(vectorsFile);
  return { segment: { name, chunks: contents.chunks, documents: contents.documents, vectors, keywords }, dataFiles };
}

/** Reads one segment of the generation in `dir`, every file checked against `manifest` first. */
export async function readSegment(dir: string, name: string, manifest: IndexManifest): Promise<Segment> {
  const files = segmentFiles(name);
  // A truncated file is named as such before anything tries to parse it.
  await checkDataFileSizes(dir, manifest, Object.values(files));
  const parsed = <T>(file: string, parse: (data: Buffer) => T) =>
    readDataFile(dir, file, manifest).then((data) => {
      try {
        return parse(data);
      } catch (cause) {
        throw new IndexUnusableError(`index file ${path.join(dir, file)} cannot be parsed: ${(cause as Error).message}`, path.join(dir, file), { cause });
      }
    });
  const documents = parsed(files.documents, decodeDocuments);
  const chunks = Promise.all([parsed(files.chunks, (data) => JSON.parse(data.toString("utf8")) as StoredChunks), documents]).then(([stored, docs]) => {
    try {
      return decodeChunks(stored, docs);
    } catch (cause) {
      const file = path.join(dir, files.chunks);
      throw new IndexUnusableError(`index file ${file} does not match its segment: ${(cause as Error).message}`, file, { cause });
    }
  });
  // hnswlib reads the vector file on a libuv thread while this one checksums it and parses the
  // others. Reading before the checksum has matched is safe: hnswlib's loader checks the file's
  // structure against its size before it allocates, reports damage as an error, and nothing
  // searches the index unless the checksum matched too.
  const vectorsFile = path.join(dir, files.vectors);
  const vectorsChecked = checkDataFile(dir, files.vectors, manifest);
  const vectors = HnswStore.load(vectorsFile, chunks.then((list) => list.map((c) => c.id), () => []), manifest.embedder.dimension, manifest.hnsw).catch((cause) => {
    throw new IndexUnusableError(`index file ${vectorsFile} cannot be loaded: ${(cause as Error).message}`, vectorsFile, { cause });
  });
  const [, documentList, chunkList, keywords, hnsw] = await Promise.all([
    vectorsChecked,
    documents,
    chunks,
    parsed(files.keywords, readKeywordSegment),
    vectors,
  ]);
  if (keywords.size !== chunkList.length) {
    throw new IndexUnusableError(`index file ${path.join(dir, files.keywords)} holds ${keywords.size} chunks, the chunk file ${chunkList.length}`, path.join(dir, files.keywords));
  }
  return { name, chunks: chunkList, documents: documentList, vectors: hnsw, keywords };
}

/**
 * Chunks as stored, column by column: a chunk's text is a slice of its
 * document's and its title is the document's, so neither is written twice,
 * and a few arrays of numbers parse far faster than an object per chunk.
 */
interface StoredChunks {
  ids: string[];
  /** Position of each chunk's document in the segment's document list. */
  documents: number[];
  starts: number[];
  ends: number[];
  /** Index into `headingPaths`. */
  headings: number[];
  headingPaths: string[][];
  /** Page of each chunk, 0 when none. */
  pages: number[];
}

function encodeChunks(chunks: readonly Chunk[], documents: readonly StoredDocument[]): string {
  const documentIndex = new Map(documents.map((d, i) => [d.source, i]));
  const headingIndex = new Map<string, number>();
  const stored: StoredChunks = { ids: [], documents: [], starts: [], ends: [], headings: [], headingPaths: [], pages: [] };
  for (const chunk of chunks) {
    const heading = JSON.stringify(chunk.headingPath);
    if (!headingIndex.has(heading)) headingIndex.set(heading, stored.headingPaths.push(chunk.headingPath) - 1);
    const document = documentIndex.get(chunk.source);
    if (document === undefined) throw new Error(`chunk ${chunk.id} belongs to ${chunk.source}, which is not in its segment`);
    stored.ids.push(chunk.id);
    stored.documents.push(document);
    stored.starts.push(chunk.start);
    stored.ends.push(chunk.end);
    stored.headings.push(headingIndex.get(heading)!);
    stored.pages.push(chunk.page ?? 0);
  }
  return JSON.stringify(stored);
}

function decodeChunks(stored: StoredChunks, documents: readonly StoredDocument[]): Chunk[] {
  return stored.ids.map((id, i) => {
    const doc = documents[stored.documents[i]!];
    const headingPath = stored.headingPaths[stored.headings[i]!];
    if (!doc || !headingPath) throw new Error(`chunk ${id} points outside the segment's documents or headings`);
    const start = stored.starts[i]!;
    const end = stored.ends[i]!;
    const chunk: Chunk = { id, source: doc.source, title: doc.title, headingPath, text: doc.text.slice(start, end), start, end };
    if (stored.pages[i]) chunk.page = stored.pages[i];
    return chunk;
  });
}

/**
 * Documents as stored: a JSON list of everything but the texts, then the
 * texts in two blocks, those that fit in Latin-1 (one byte per character) and
 * the others in UTF-16; both decode at memory speed, with no JSON string
 * parsing. Each block becomes one string and each text a slice of it: one
 * large object for the garbage collector instead of one per document.
 */
function encodeDocuments(documents: readonly StoredDocument[]): Buffer {
  const header: DocumentsHeader = { sources: [], titles: [], lengths: [], wide: [], pages: {} };
  const narrowTexts: string[] = [];
  const wideTexts: string[] = [];
  documents.forEach((doc, i) => {
    header.sources.push(doc.source);
    header.titles.push(doc.title);
    header.lengths.push(doc.text.length);
    if (doc.pages) header.pages[i] = doc.pages;
    if (NOT_LATIN1.test(doc.text)) {
      header.wide.push(i);
      wideTexts.push(doc.text);
    } else narrowTexts.push(doc.text);
  });
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const narrow = Buffer.from(narrowTexts.join(""), "latin1");
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(json.length, 0);
  lengths.writeUInt32LE(narrow.length, 4);
  return Buffer.concat([lengths, json, narrow, Buffer.from(wideTexts.join(""), "utf16le")]);
}

/** The documents' fields but their texts, column by column; `wide`: positions of the texts stored as UTF-16. */
interface DocumentsHeader {
  sources: string[];
  titles: string[];
  lengths: number[];
  wide: number[];
  pages: Record<number, NonNullable<StoredDocument["pages"]>>;
}

const NOT_LATIN1 = /[^\u0000-\u00ff]/;

function decodeDocuments(data: Buffer): StoredDocument[] {
  if (data.length < 8) throw new Error("too short for a document file");
  const headerEnd = 8 + data.readUInt32LE(0);
  const narrowEnd = headerEnd + data.readUInt32LE(4);
  if (narrowEnd > data.length || (data.length - narrowEnd) % 2) throw new Error("its blocks do not add up to its size (truncated?)");
  const header = JSON.parse(data.toString("utf8", 8, headerEnd)) as DocumentsHeader;
  const wide = new Set(header.wide);
  const blocks = { narrow: { text: data.toString("latin1", headerEnd, narrowEnd), offset: 0 }, wide: { text: data.toString("utf16le", narrowEnd), offset: 0 } };
  const documents = header.sources.map((source, i): StoredDocument => {
    const block = wide.has(i) ? blocks.wide : blocks.narrow;
    const length = header.lengths[i]!;
    const doc: StoredDocument = { source, title: header.titles[i]!, text: block.text.slice(block.offset, block.offset + length) };
    block.offset += length;
    if (header.pages[i]) doc.pages = header.pages[i];
    return doc;
  });
  for (const block of Object.values(blocks)) {
    if (block.offset !== block.text.length) throw new Error(`a text block holds ${block.text.length} characters, the header accounts for ${block.offset}`);
  }
  return documents;
}
