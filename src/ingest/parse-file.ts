/**
 * @module parse-file
 * One file's bytes to its document and chunks: the CPU-bound part of loading
 * (decoding, parsing HTML, PDF or markdown, splitting sentences, chunking).
 * It runs in a parse worker (parse-worker.mjs), never on the event loop: a
 * crafted file can still cost seconds here, and the worker can be stopped.
 * Its chunks go back to the event loop packed (packChunks, unpackChunks).
 */
import type { Chunk } from "../core/types.js";
import { chunkDocument } from "./chunker.js";
import { loaders } from "./loaders/index.js";
import { mapInSlices } from "./slices.js";
import { LoadError, type ChunkingOptions, type SourceDocument } from "./types.js";

export interface ParseRequest {
  source: string;
  /** The extension whose loader reads the file (".md", ".html", …). */
  type: string;
  bytes: Uint8Array;
  chunking: ChunkingOptions;
}

export interface ParsedFile {
  document: SourceDocument;
  chunks: Chunk[];
}

/**
 * A file's chunks as they cross from the parse worker to the event loop:
 * columns, not one object per chunk. Chunk texts are slices of the document
 * text, and title and source are the document's, so none is sent; offsets
 * travel as one typed array. A message of 60,000 chunk objects took the event
 * loop most of a second to receive; these columns take a few milliseconds.
 */
export interface PackedChunks {
  /** The chunk ids, CHUNK_ID_LENGTH characters each, end to end. */
  ids: string;
  /** start, end of each chunk, in turn. */
  offsets: Int32Array;
  /** The distinct heading paths, and which one each chunk has. */
  headingPaths: string[][];
  headingPathOf: Int32Array;
  /** Each chunk's page number, 0 for none. */
  pages: Int32Array;
}

const CHUNK_ID_LENGTH = 20;

export function packChunks(chunks: Chunk[]): PackedChunks {
  const paths = new Map<string[], number>();
  const packed: PackedChunks = {
    ids: chunks.map((c) => c.id).join(""),
    offsets: new Int32Array(chunks.length * 2),
    headingPaths: [],
    headingPathOf: new Int32Array(chunks.length),
    pages: new Int32Array(chunks.length),
  };
  chunks.forEach((chunk, i) => {
    if (chunk.id.length !== CHUNK_ID_LENGTH) throw new Error(`chunk id ${chunk.id} is not ${CHUNK_ID_LENGTH} characters`);
    packed.offsets[2 * i] = chunk.start;
    packed.offsets[2 * i + 1] = chunk.end;
    // The chunker gives every chunk of a section the same array.
    let path = paths.get(chunk.headingPath);
    if (path === undefined) paths.set(chunk.headingPath, (path = packed.headingPaths.push(chunk.headingPath) - 1));
    packed.headingPathOf[i] = path;
    packed.pages[i] = chunk.page ?? 0;
  });
  return packed;
}

/** The chunks again, built a slice at a time (see slices.ts). */
export function unpackChunks(document: SourceDocument, packed: PackedChunks): Promise<Chunk[]> {
  return mapInSlices(Array.from({ length: packed.headingPathOf.length }, (_, i) => i), (i): Chunk => {
    const start = packed.offsets[2 * i]!;
    const end = packed.offsets[2 * i + 1]!;
    const page = packed.pages[i]!;
    return {
      id: packed.ids.slice(i * CHUNK_ID_LENGTH, (i + 1) * CHUNK_ID_LENGTH),
      source: document.source,
      title: document.title,
      headingPath: packed.headingPaths[packed.headingPathOf[i]!]!,
      text: document.text.slice(start, end),
      start,
      end,
      ...(page && { page }),
    };
  });
}

/** Loads and chunks one file; throws a LoadError naming it when it cannot be read. */
export async function parseFile({ source, type, bytes, chunking }: ParseRequest): Promise<ParsedFile> {
  const loader = Object.hasOwn(loaders, type) ? loaders[type] : undefined;
  if (!loader) throw new LoadError(source, `has no loader for ${type || "files without an extension"}`);
  try {
    const document = await loader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), source);
    return { document, chunks: chunkDocument(document, chunking) };
  } catch (error) {
    if (error instanceof LoadError) throw error;
    throw new LoadError(source, `cannot be parsed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
