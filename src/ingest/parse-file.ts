/**
 * @module parse-file
 * One file's bytes to its document and chunks: the CPU-bound part of loading
 * (decoding, parsing HTML, PDF or markdown, splitting sentences, chunking).
 * It runs in a parse worker (parse-worker.mjs), never on the event loop: a
 * crafted file can still cost seconds here, and the worker can be stopped.
 */
import type { Chunk } from "../core/types.js";
import { chunkDocument } from "./chunker.js";
import { loaders } from "./loaders/index.js";
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
