/**
 * @module chunker
 * Paragraph- and sentence-aware chunking with exact character offsets.
 * Chunks never cross a section (heading) or page boundary, cut inside a word
 * only when one word is longer than a chunk, and repeat trailing sentences of
 * the previous chunk as overlap. No chunk is ever longer than `size`: a text
 * without white space (a 20 MB line) must not become one giant passage that
 * every search result and answer then carries.
 */
import { createHash } from "node:crypto";
import type { ChunkingOptions, SourceDocument } from "./types.js";
import type { Chunk } from "../core/types.js";
import { sentenceSpans, type Span } from "./sentences.js";

interface Region {
  start: number;
  end: number;
  headingPath: string[];
  page?: number;
}

/** Splits a document into chunks of at most `size` characters. */
export function chunkDocument(doc: SourceDocument, options: ChunkingOptions): Chunk[] {
  const chunks: Chunk[] = [];
  for (const region of regionsOf(doc)) {
    const pieces = sentenceSpans(doc.text, region.start, region.end).flatMap((s) => splitLong(doc.text, s, options.size));
    for (const span of packSpans(doc.text, pieces, options)) {
      const text = doc.text.slice(span.start, span.end);
      chunks.push({
        id: chunkId(doc.source, span.start, text),
        source: doc.source,
        title: doc.title,
        headingPath: region.headingPath,
        text,
        start: span.start,
        end: span.end,
        ...(region.page !== undefined && { page: region.page }),
      });
    }
  }
  return chunks;
}

export function chunkId(source: string, start: number, text: string): string {
  return createHash("sha256").update(`${source}\0${start}\0${text}`).digest("hex").slice(0, 20);
}

/**
 * Sections cut by page boundaries: each region has one heading path and at
 * most one page. Sections and pages are walked alongside the cut points, once
 * (a crafted markdown file may hold a hundred thousand headings).
 */
function regionsOf(doc: SourceDocument): Region[] {
  const sections = doc.sections.length ? [...doc.sections].sort((a, b) => a.start - b.start) : [{ start: 0, headingPath: [] }];
  const pages = [...(doc.pages ?? [])].sort((a, b) => a.start - b.start);
  const cuts = new Set<number>([0, doc.text.length, ...sections.map((s) => s.start)]);
  for (const page of pages) cuts.add(page.start).add(page.end);
  const points = [...cuts].filter((c) => c >= 0 && c <= doc.text.length).sort((a, b) => a - b);
  const regions: Region[] = [];
  let section = -1; // the last section starting at or before the region
  let page = 0; // the first page that does not end at or before the region
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (section + 1 < sections.length && sections[section + 1]!.start <= start) section++;
    while (page < pages.length && pages[page]!.end <= start) page++;
    const onPage = pages[page] && pages[page]!.start <= start ? pages[page] : undefined;
    regions.push({ start, end, headingPath: sections[section]?.headingPath ?? [], ...(onPage && { page: onPage.number }) });
  }
  return regions;
}

/** A sentence longer than `size` is cut at whitespace into pieces of at most `size`; a longer word is cut hard. */
function splitLong(text: string, span: Span, size: number): Span[] {
  if (span.end - span.start <= size) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > size) {
    const cut = lastSpaceAfter(text, start, start + size) ?? hardCut(text, start + size); // else one word longer than size
    if (cut >= span.end) break;
    pieces.push({ start, end: trimEnd(text, start, cut) });
    start = cut;
    while (start < span.end && /\s/.test(text[start]!)) start++;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

/**
 * The last space in (start, at], looked for in that window only: lastIndexOf
 * would search back to the start of the text, so a long run without spaces (a
 * 20 MB line) would be scanned once per piece, in quadratic time.
 */
function lastSpaceAfter(text: string, start: number, at: number): number | undefined {
  for (let i = at; i > start; i--) if (text.charCodeAt(i) === 0x20) return i;
  return undefined;
}

/** `at`, or one before it when `at` would split a surrogate pair. */
function hardCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

const PARAGRAPH_BREAK = /\n\s*\n/;

/** Greedy packing of sentence spans into chunks, preferring to end at a paragraph break once half full. */
function packSpans(text: string, spans: Span[], { size, overlap }: ChunkingOptions): Span[] {
  const out: Span[] = [];
  let first = 0;
  while (first < spans.length) {
    let last = first;
    while (last + 1 < spans.length && spans[last + 1]!.end - spans[first]!.start <= size) {
      const breaksParagraph = PARAGRAPH_BREAK.test(text.slice(spans[last]!.end, spans[last + 1]!.start));
      if (breaksParagraph && spans[last]!.end - spans[first]!.start >= size / 2) break;
      last++;
    }
    out.push({ start: spans[first]!.start, end: spans[last]!.end });
    if (last + 1 >= spans.length) break;
    // Overlap: step back over trailing sentences that fit in `overlap`, always moving forward.
    let next = last + 1;
    while (next - 1 > first && spans[last]!.end - spans[next - 1]!.start <= overlap) next--;
    first = next;
  }
  return out;
}
