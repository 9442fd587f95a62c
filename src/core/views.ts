/**
 * @module core/views
 * How the HTTP API shows domain objects: a retrieved passage (in /ask
 * citations and context, /search results and the MCP and OpenAI-compatible
 * routes) and the live index (/health). One module, so that every route
 * shows a passage the same way; it sits beside the domain types because the
 * answer use case, the routes and the browser client all speak it.
 */
import type { Chunk, GenerationManifest } from "./types.js";

/** A passage as the API shows it: the chunk (text, source, offsets, heading path, page) with its number and score. */
export type CitedPassage = Chunk & { n: number; score: number };

/** Characters [start, end) of a document's text. */
export interface TextRange {
  start: number;
  end: number;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A retrieved chunk as the API shows it, before it is numbered. */
export function passageView({ chunk, score }: { chunk: Chunk; score: number }): Omit<CitedPassage, "n"> {
  return {
    id: chunk.id,
    source: chunk.source,
    title: chunk.title,
    headingPath: chunk.headingPath,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    ...(chunk.page !== undefined && { page: chunk.page }),
    score: round(score, 4),
  };
}

/** The live index as /health shows it. */
export function healthView(manifest: GenerationManifest) {
  return {
    status: "ok" as const,
    chunks: manifest.chunkCount,
    documents: manifest.documentCount,
    embedder: manifest.embedder.id,
    generation: manifest.generation,
    builtAt: manifest.builtAt,
  };
}
