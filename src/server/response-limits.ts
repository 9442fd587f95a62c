/**
 * @module response-limits
 * Upper bounds on what one response carries, so that no document can make a
 * search result or an answer megabytes long. Chunks are at most CHUNK_SIZE
 * (≤ 8,000) characters since the chunker cuts words longer than a chunk; an
 * index built before that may still hold longer ones, which are cut here. A
 * cut passage keeps `text === source.slice(start, end)`: `end` moves with it.
 */
import type { AskEvent, AskResult } from "../answer/ask.js";
import type { StoredDocument } from "../core/types.js";
import type { TextRange } from "../core/views.js";

/** Longest passage text in a response: the largest CHUNK_SIZE. */
export const MAX_PASSAGE_CHARS = 8000;
/** Longest document text `/sources/:id` serves at once; a longer document is served as a window around the passage. */
export const MAX_SOURCE_CHARS = 1_000_000;

interface PassageLike {
  text: string;
  start: number;
  end: number;
}

/** The passage, cut to MAX_PASSAGE_CHARS and marked `truncated` when it was longer. */
export function boundedPassage<P extends PassageLike>(passage: P): P | (P & { truncated: true }) {
  if (passage.text.length <= MAX_PASSAGE_CHARS) return passage;
  return { ...passage, text: passage.text.slice(0, MAX_PASSAGE_CHARS), end: passage.start + MAX_PASSAGE_CHARS, truncated: true };
}

export function boundedAnswer(result: AskResult): AskResult {
  return { ...result, citations: result.citations.map(boundedPassage), context: result.context.map(boundedPassage) };
}

/** Stream events with their passages bounded like the JSON answer's. */
export function boundedEvent(event: AskEvent): AskEvent {
  if (event.event === "done") return { event: "done", data: boundedAnswer(event.data) };
  if (event.event === "context") return { event: "context", data: { citations: event.data.citations.map(boundedPassage), context: event.data.context.map(boundedPassage) } };
  return event;
}

/** The part of a document served: all of it, or MAX_SOURCE_CHARS around the passage (from the start without one). */
export interface SourceWindow {
  /** Offset of `text` in the whole document. */
  offset: number;
  text: string;
  truncated: boolean;
}

export function sourceWindow(doc: StoredDocument, passage: TextRange | undefined): SourceWindow {
  if (doc.text.length <= MAX_SOURCE_CHARS) return { offset: 0, text: doc.text, truncated: false };
  const centre = passage ? Math.floor((passage.start + passage.end) / 2) : 0;
  const offset = Math.max(0, Math.min(doc.text.length - MAX_SOURCE_CHARS, centre - MAX_SOURCE_CHARS / 2));
  return { offset, text: doc.text.slice(offset, offset + MAX_SOURCE_CHARS), truncated: true };
}
