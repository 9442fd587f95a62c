/**
 * @module pdf-layout
 * A PDF's text as its reader sees it. A PDF holds no paragraphs, only lines
 * placed on pages, and its text as extracted ends every line with a break: a
 * sentence wrapped over three lines became three "sentences" ("Hotels should
 * not cost more than 140 pounds per night in London or 110 pounds per [1]"),
 * a heading ran into its paragraph, and every page's running header and
 * "Page 2 of 5" footer were indexed as text. Here the lines of each page (with
 * where they stand and their font size) are put back together:
 *
 * - A running header or footer — the top or bottom line of most pages, the
 *   same but for its digits — and a page number alone are left out.
 * - A paragraph's lines are joined with a space, a word broken at the end of a
 *   line ("reim-" / "bursed") back into one. A paragraph ends where the gap
 *   between lines is wider than the usual line spacing, where the font size
 *   changes, before a list item, and after a short line that ends a sentence.
 *   A sentence carried over to the next page stays one.
 * - A line in a larger font than the body's, or a numbered title standing
 *   alone ("2. Booking travel"), is a heading: it starts a section, so
 *   passages carry their heading path as in Markdown and HTML.
 *
 * Written by hand: pdf.js gives positioned text runs, and the PDF libraries on
 * npm that rebuild paragraphs do so for rendering (or through a model), not as
 * text with offsets a citation can point into.
 */
import type { Page, Section } from "../types.js";
import { endsWithStop } from "../closing-punctuation.js";

export interface LaidOutLine {
  text: string;
  /** The baseline's height above the bottom of the page. */
  y: number;
  /** Font size of the line (its largest run). */
  size: number;
  /** Where the line ends on the right. */
  right: number;
}

export interface LaidOutPage {
  number: number;
  /** In reading order, as the page's content gives them. */
  lines: LaidOutLine[];
}

export interface ReflowedText {
  text: string;
  pages: Page[];
  sections: Section[];
  /** The first heading in the largest heading font, which names the document when its metadata does not. */
  firstHeading?: string;
}

// Running lines are the same on most pages once digits are set aside ("Page 3 of 9", "Policy v2 — 2024").
const digitsAside = (text: string) => text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
const PAGE_NUMBER = /^(?:page\s*)?#(?:\s*(?:of|\/)\s*#)?$|^[-–—]\s*#\s*[-–—]$/;
// A list item: a bullet, or a number or letter with a stop or bracket ("1.", "b)").
const LIST_ITEM = /^(?:[•▪◦·*–-]|\(?(?:\d{1,2}|[a-z])[.)])\s/u;
// "2. Booking travel", "3.1 Hotels": a numbered title, set at the body's size in many documents.
const NUMBERED_TITLE = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u;
const MAX_TITLE_WORDS = 10;
// A line ending a sentence may end its paragraph (not one ending with ";"); a title ends with no punctuation at all.
const SENTENCE_STOPS = ".!?:";
const ANY_STOP = ".!?:;,";
// A paragraph break is a gap this much wider than the usual spacing of the body's lines.
const PARAGRAPH_GAP = 1.35;
// Sizes within this share of each other are one size (rounding in the PDF).
const SAME_SIZE = 0.08;
const HEADING_SIZE = 1.15;
// A line ending this far short of the body's right edge is short: a paragraph's last line.
const SHORT_LINE = 0.8;

export function reflowPdf(pages: LaidOutPage[]): ReflowedText {
  const kept = withoutRunningLines(pages);
  const body = kept.flatMap((page) => page.lines);
  if (!body.length) return { text: "", pages: [], sections: [] };
  const bodySize = commonest(body.map((line) => [round(line.size), line.text.length]));
  const pitch = commonest(
    kept.flatMap((page) => page.lines.slice(1).flatMap((line, i) => {
      const gap = page.lines[i]!.y - line.y;
      return sameSize(line.size, bodySize) && gap > 0 && gap < 3 * bodySize ? [[round(gap), 1] as [number, number]] : [];
    })),
  ) || bodySize * 1.2;
  const rightEdge = percentile(body.filter((line) => sameSize(line.size, bodySize)).map((line) => line.right), 0.9);

  const blocks = paragraphs(kept, { bodySize, pitch, rightEdge });
  const headingSizes = [...new Set(blocks.filter((b) => b.size >= bodySize * HEADING_SIZE).map((b) => round(b.size)))].sort((a, b) => b - a);
  const isListItem = (block: Block | undefined) => block !== undefined && LIST_ITEM.test(block.lines[0]!);
  const levelOf = (block: Block, i: number): number | undefined => {
    if (block.lines.length > 2) return undefined;
    const bySize = headingSizes.indexOf(round(block.size));
    if (bySize >= 0) return bySize;
    // A numbered title among list items is one of them ("1. Remove the packaging").
    if (block.lines.length > 1 || !isNumberedTitle(block.lines[0]!) || isListItem(blocks[i - 1]) || isListItem(blocks[i + 1])) return undefined;
    return headingSizes.length + /^[\d.]*\d/.exec(block.lines[0]!)![0].split(".").length - 1;
  };

  let text = "";
  const pageSpans = new Map<number, Page>();
  const sections: Section[] = [];
  const open: { level: number; title: string }[] = [];
  let firstHeading: string | undefined;
  for (const [i, block] of blocks.entries()) {
    if (text) text += "\n\n";
    const start = text.length;
    // The paragraph's lines, each tested against the line before it only (testing the text so far would cost its length
    // for every line): a word broken at a line's end loses its hyphen, other lines are joined by a space.
    const pieces: string[] = [];
    let length = start;
    block.lines.forEach((line, j) => {
      const before = pieces.at(-1);
      if (before !== undefined && /\p{L}-$/u.test(before) && /^\p{Ll}/u.test(line)) {
        pieces[pieces.length - 1] = before.slice(0, -1);
        length--;
      } else if (before !== undefined) {
        pieces.push(" ");
        length++;
      }
      const number = block.pages[j]!;
      const span = pageSpans.get(number) ?? { number, start: length, end: length };
      pieces.push(line);
      length += line.length;
      span.end = length;
      pageSpans.set(number, span);
    });
    text += pieces.join("");
    const level = levelOf(block, i);
    if (level === undefined) continue;
    const title = block.lines.join(" ");
    while (open.length && open.at(-1)!.level >= level) open.pop();
    open.push({ level, title });
    sections.push({ start, headingPath: open.map((h) => h.title) });
    if (level === 0) firstHeading ??= title;
  }
  if (sections.length && sections[0]!.start > 0) sections.unshift({ start: 0, headingPath: [] });
  return { text, pages: [...pageSpans.values()], sections, ...(firstHeading !== undefined && { firstHeading }) };
}

interface Block {
  lines: string[];
  /** The page of each line. */
  pages: number[];
  size: number;
}

/** The lines of every page in paragraphs (see the module's comment for where one ends). */
function paragraphs(pages: LaidOutPage[], body: { bodySize: number; pitch: number; rightEdge: number }): Block[] {
  const blocks: Block[] = [];
  let previous: { line: LaidOutLine; page: number } | undefined;
  for (const page of pages) {
    for (const line of page.lines) {
      const block = blocks.at(-1);
      if (!block || !previous || startsParagraph(previous.line, line, previous.page !== page.number, body)) {
        blocks.push({ lines: [line.text], pages: [page.number], size: line.size });
      } else {
        block.lines.push(line.text);
        block.pages.push(page.number);
      }
      previous = { line, page: page.number };
    }
  }
  return blocks;
}

function startsParagraph(before: LaidOutLine, line: LaidOutLine, newPage: boolean, { bodySize, pitch, rightEdge }: { bodySize: number; pitch: number; rightEdge: number }): boolean {
  if (!sameSize(before.size, line.size) || LIST_ITEM.test(line.text) || isNumberedTitle(before.text) || isNumberedTitle(line.text)) return true;
  // On the next page a paragraph goes on only mid-sentence, and only with a line that could not start one.
  if (newPage) return endsWithStop(before.text, SENTENCE_STOPS) || !/^\p{Ll}/u.test(line.text);
  const gap = before.y - line.y;
  if (gap <= 0 || gap > pitch * PARAGRAPH_GAP) return true;
  if (!sameSize(line.size, bodySize)) return false;
  return endsWithStop(before.text, SENTENCE_STOPS) && before.right < rightEdge * SHORT_LINE;
}

/**
 * The pages without their running header and footer: the top or bottom line when, digits aside, the same line stands
 * there on most pages (on both, for two pages), and a page number standing alone there on any page.
 */
function withoutRunningLines(pages: LaidOutPage[]): LaidOutPage[] {
  const edges = pages.map((page) => {
    const byHeight = [...page.lines].sort((a, b) => b.y - a.y);
    return { top: byHeight[0], bottom: byHeight.at(-1) };
  });
  const counts = (pick: (edge: (typeof edges)[number]) => LaidOutLine | undefined) => {
    const count = new Map<string, number>();
    for (const edge of edges) {
      const line = pick(edge);
      if (line) count.set(digitsAside(line.text), (count.get(digitsAside(line.text)) ?? 0) + 1);
    }
    return count;
  };
  const tops = counts((e) => e.top);
  const bottoms = counts((e) => e.bottom);
  const most = pages.length === 2 ? 2 : Math.max(3, Math.ceil(pages.length / 2));
  const running = (line: LaidOutLine | undefined, count: Map<string, number>) =>
    line !== undefined && (PAGE_NUMBER.test(digitsAside(line.text)) || (pages.length >= 2 && (count.get(digitsAside(line.text)) ?? 0) >= most));
  return pages.map((page, i) => {
    const { top, bottom } = edges[i]!;
    const drop = new Set([running(top, tops) && top, running(bottom, bottoms) && bottom].filter((line): line is LaidOutLine => Boolean(line)));
    return { number: page.number, lines: page.lines.filter((line) => !drop.has(line)) };
  });
}

/** "2. Booking travel": numbered, a few words, no closing punctuation (a numbered list item may be one too). */
function isNumberedTitle(text: string): boolean {
  return NUMBERED_TITLE.test(text) && !endsWithStop(text, ANY_STOP) && text.split(/\s+/).length <= MAX_TITLE_WORDS;
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);
}

function round(x: number): number {
  return Math.round(x * 2) / 2;
}

/** The value with the most weight ([value, weight] pairs); 0 for none. */
function commonest(weighted: [number, number][]): number {
  const totals = new Map<number, number>();
  for (const [value, weight] of weighted) totals.set(value, (totals.get(value) ?? 0) + weight);
  let best = 0;
  let bestWeight = -1;
  for (const [value, weight] of totals) if (weight > bestWeight) [best, bestWeight] = [value, weight];
  return best;
}

function percentile(values: number[], share: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
