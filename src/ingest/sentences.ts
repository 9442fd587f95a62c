/**
 * @module sentences
 * Sentence boundaries with character offsets. ICU's sentence segmenter does the
 * work; on top of it we split where a full stop is glued to the next sentence
 * ("capacities.AI needs"), which real documents contain and ICU does not split,
 * and join what it splits after an initial or a title ("Commander Edward D." |
 * "Taussig of USS Bennington landed", "Dr." | "Smith arrived"): V8's ICU has no
 * abbreviation list ("en-u-ss-standard" is ignored), so this is done by hand.
 *
 * ICU ends a sentence at every line break, which cut the sentences of
 * hard-wrapped text (plain text or Markdown written to a width, e-mail) at each
 * line's end: "… will start on 14 April" | "and take about eleven weeks." A
 * break that only wraps a line is read as a space (withWrapsAsSpaces).
 *
 * The segmenter is fed bounded windows, not the whole text: V8's segment
 * iterator costs time in proportion to the length of the string at every step,
 * so a long text of short sentences took quadratic time (seconds for a few
 * hundred kilobytes). A "sentence" longer than MAX_SENTENCE_CHARS is cut, at
 * white space when there is some, so that nothing downstream (evidence
 * scoring, citation checks) ever works on an unbounded sentence.
 */

import { isStopWord } from "../retrieval/tokenize.js";
import { endsWithStop } from "./closing-punctuation.js";

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Longest sentence span returned; longer ones are cut (at white space when possible). */
export const MAX_SENTENCE_CHARS = 1000;
// Text handed to the segmenter at once: at least two maximal sentences, so a window ends inside the second.
const WINDOW_CHARS = 2 * MAX_SENTENCE_CHARS;

// A lower-case word of two or more letters, a full stop, then a capitalised word: a missing space.
const GLUED_STOP = /(?<=\p{Ll}{2}[.!?])(?=\p{Lu}[\p{L}]{1,})/gu;

// ICU ends a "sentence" after a list enumerator such as "1." or "a)"; it belongs to what follows.
const ENUMERATOR = /^(?:\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|[•\-*–·▪◦])$/u;

// An initial ("D.", "J. R. R.") or a title or abbreviation that is followed by a name or number, at the end of a span
// ("ext. 4437", "Tel. 0161 …", "part no. AC-F220"), also where Markdown's emphasis opens before it: "at **St. Luke's
// Parish Hall**" had been cut after "St.", and "where do we meet to practise" lost the hall's name.
const ABBREVIATION = /(?:^|[\s("'‘“*_])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|St|Mt|Ft|Gen|Col|Capt|Lt|Sgt|Rev|Hon|Gov|Sen|Rep|Jr|Sr|[Nn]o|[Nn]os|Vol|Fig|vs|approx|cf|[Ee]xt|[Tt]el)\.$/u;
// What the next span opens with: a capitalised word that is not a stop word ("Taussig", not "Then"), or a number.
const NAME_OR_NUMBER = /^[^\p{L}\p{N}]*(?:(\p{Lu}[\p{L}'’-]*)|\p{N})/u;

export interface SentenceOptions {
  /**
   * Whether a line may have been wrapped to a width, as a document's may (the default); false for text whose every
   * line break is meant, such as an answer that puts a quoted line on a line of its own.
   */
  wrappedLines?: boolean;
}

/** Splits text[from, to) into trimmed sentence spans (never empty, never whitespace-only). */
export function sentenceSpans(text: string, from = 0, to = text.length, { wrappedLines = true }: SentenceOptions = {}): Span[] {
  const spans = rawSpans(text, from, to, wrappedLines);
  const merged: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    if (next && ENUMERATOR.test(text.slice(span.start, span.end))) {
      merged.push({ start: span.start, end: next.end });
      i++;
    } else merged.push(span);
  }
  return joinTableRows(text, joinAbbreviations(text, merged));
}

/**
 * Spans joined where they share a line of a table ("| `bucket` | none | The bucket snapshots are written to. Required. |"):
 * a row is a record, read and quoted whole, whatever full stops its cells hold (within the length bound). Each span
 * is looked at around its own ends only, so a long text costs no more than its length.
 */
function joinTableRows(text: string, spans: Span[]): Span[] {
  const joined: Span[] = [];
  let inRow = false;
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && inRow && !text.slice(last.end, span.start).includes("\n") && span.end - last.start <= MAX_SENTENCE_CHARS) {
      last.end = span.end;
      continue;
    }
    joined.push({ ...span });
    inRow = opensRow(text, span.start);
  }
  return joined;
}

/** Whether the span at `start` opens a table's row: a bar with nothing but indentation before it on its line. */
function opensRow(text: string, start: number): boolean {
  if (text[start] !== "|") return false;
  for (let at = start - 1; at >= 0 && text[at] !== "\n"; at--) if (text[at] !== " " && text[at] !== "\t") return false;
  return true;
}

/** Spans joined to the next where one ends with an initial or a title and the next opens with a name or a number (within the length bound). */
function joinAbbreviations(text: string, spans: Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    const fits = last !== undefined && span.end - last.start <= MAX_SENTENCE_CHARS;
    if (fits && continuesAfterAbbreviation(text.slice(last.start, last.end), text.slice(span.start, span.end))) last.end = span.end;
    else joined.push({ ...span });
  }
  return joined;
}

// A time of day's "a.m." or "p.m." followed by its time zone: "7 a.m. to 10 p.m. ET." is one sentence, not "… 10 p.m."
// and "ET.", which had stood between a support line's hours and its telephone number below.
const CLOCK_SUFFIX = /\b[ap]\.m\.$/iu;
// The zone's name alone, too, where no name goes on after it: "**May 30, 11:59 p.m. Central** — Call for proposals
// closes" had lost its date to the span before, and "When is the deadline to submit a talk proposal?" its answer.
const TIME_ZONE = /^(?:[ECMP][SD]?T|GMT|BST|UTC|CEST|CET|IST|AEST|(?:Eastern|Central|Mountain|Pacific|Atlantic)(?:\s+(?:Standard\s+|Daylight\s+)?Time\b|(?!\p{L}|\s+\p{Lu})))\b/u;

function continuesAfterAbbreviation(span: string, next: string): boolean {
  if (CLOCK_SUFFIX.test(span.trimEnd()) && TIME_ZONE.test(next.trimStart())) return true;
  if (!ABBREVIATION.test(span)) return false;
  const opening = NAME_OR_NUMBER.exec(next);
  return opening !== null && (opening[1] === undefined || !isStopWord(opening[1].toLowerCase()));
}

function rawSpans(text: string, from: number, to: number, wrappedLines: boolean): Span[] {
  const spans: Span[] = [];
  let position = from;
  while (position < to) {
    const windowEnd = Math.min(to, position + WINDOW_CHARS);
    const window = text.slice(position, windowEnd);
    const segments = [...segmenter.segment(withLeadersAsSpaces(wrappedLines ? withWrapsAsSpaces(window) : window))];
    if (windowEnd < to && segments.length === 1) {
      // One segment fills the whole window: an over-long sentence. Its first piece is kept; the rest is segmented again.
      const cut = cutPoint(text, position, windowEnd);
      pushGlued(text, { start: position, end: cut }, spans);
      position = cut;
      continue;
    }
    // The last segment of a window that is not the end may go on past it: it is segmented again with the next window.
    if (windowEnd < to) segments.pop();
    for (const { index, segment } of segments) {
      for (const piece of bounded(text, position + index, position + index + segment.length)) pushGlued(text, piece, spans);
    }
    const last = segments.at(-1)!;
    position += last.index + last.segment.length;
  }
  return spans;
}

// A line this long that breaks mid-sentence was wrapped to a width (text is wrapped at 60–80 characters); a shorter one
// was broken on purpose ("Monday to Friday: 7:00 to 18:00" above "Saturday: 8:00 to 16:00", an address, a heading),
// unless the next line goes on in lower case: then it is the sentence going on, whatever the line's length (a passage
// may start mid-line, its first line then looking short: "A deposit of 20% is" | "required when ordering.").
const MIN_WRAPPED_LINE = 50;
const GOES_ON = /^\s*\p{Ll}/u;
const CODE_FENCE = /^\s*(?:```|~~~)/;

/** Whether a line opens or closes a fenced code block (Markdown's ``` or ~~~). */
export function isCodeFence(line: string): boolean {
  return CODE_FENCE.test(line);
}

// Lines that start a block of their own in plain text and Markdown: a heading, a quote, a table row, a code fence, a
// list item, a line led by a label ("Apologies: Mr Olsen" under "Present: Ana Ruiz (chair), …", "ACTION: Tom to …").
const LIST_MARKER = String.raw`(?:[-*+•▪◦–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s`;
const LIST_ITEM = new RegExp(`^${LIST_MARKER}`, "u");
const LABEL = String.raw`\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,2}:\s`;
const LABEL_LINE = new RegExp(`^${LABEL}`, "u");
const STARTS_BLOCK = new RegExp(String.raw`^\s*(?:#|>|\||${"```"}|~~~|${LIST_MARKER}|${LABEL})`, "u");
/** How many white-space characters a line opens with. */
export const indent = (line: string) => line.length - line.trimStart().length;
const CAPITAL_FIRST = /^\s*\p{Lu}/u;
/** A line drawn across the page ("-----", "=====", "*****"): plain text frames or underlines its headings with them. */
export const RULE_LINE = /^([-=*_~#])\1{2,}$/;

/**
 * The text with each line break that only wraps a line (after a long line that ends mid-sentence, or before one going
 * on in lower case; after a line that starts no block of its own, or a list item's line with the next indented under
 * it; before a line that starts no block of its own) as a space, CR and LF alike, so offsets stay as
 * they are. Line by line, by hand: a pattern looking back over a line's length would retry from every position.
 */
function withWrapsAsSpaces(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  let lineStart = 0;
  // Inside a fenced code block every line break is one: "git clone …" | "cd tidewater" are two commands.
  let inCode = false;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) {
    const nextEnd = text.indexOf("\n", at + 1);
    const line = text.slice(lineStart, at).trim();
    if (isCodeFence(line)) inCode = !inCode;
    const next = text.slice(at + 1, nextEnd < 0 ? text.length : nextEnd);
    const wrapped = line.length >= MIN_WRAPPED_LINE || GOES_ON.test(next);
    // A list item wraps onto lines indented under its text ("  - Leave … Service on" | "    0800 111 999, free"), not
    // in capitals: "2. Financial investments …" above "    Financial resources must be allocated …" is a heading's item
    // and its paragraph.
    const indentedUnder = indent(next) > indent(text.slice(lineStart, at));
    const itemGoesOn = LIST_ITEM.test(line) && indentedUnder && !CAPITAL_FIRST.test(next);
    // So does a line led by a label, onto a line in lower case or indented under it ("ACTION: Graham Fisher to apply to
    // the Foundation for" | "a grant of up to £5,000 by 30 April.", "ACTION: Sue Brampton to submit … to" |
    // "        Westshire District Council by 19 April.").
    const labelGoesOn = LABEL_LINE.test(line) && (GOES_ON.test(next) || indentedUnder);
    const opensBlock = STARTS_BLOCK.test(line) && !itemGoesOn && !labelGoesOn;
    const records = LEADER.test(line) || LEADER.test(next) || COLUMN_GAP.test(line) || COLUMN_GAP.test(next);
    // A rule line ("------", as long as a wrapped line) is no prose: it had run on into the sentence under a framed
    // heading, and been quoted ("------ 7.1 If the engineer finds a fault …", whose clause number counted engineers).
    const rule = RULE_LINE.test(line) || RULE_LINE.test(next.trim());
    if (!inCode && wrapped && line && next.trim() && !endsWithStop(line) && !opensBlock && !STARTS_BLOCK.test(next) && !records && !rule) {
      const breakStart = text[at - 1] === "\r" ? at - 1 : at;
      pieces.push(text.slice(copied, breakStart), " ".repeat(at + 1 - breakStart));
      copied = at + 1;
    }
    lineStart = at + 1;
  }
  return copied ? pieces.join("") + text.slice(copied) : text;
}

/**
 * Dots or underscores leading from a label to its value ("Adult .................. £12.00", "Left dial ........ Central
 * heating"), or to a blank to fill in ("Signed ............"). Whole runs only: a part of a run is never one, so each run
 * is read once. A line holding one is a record of its own, never a wrapped line. Two dots between spaces are a leader
 * too, the shortest of a list's ("Bicycles, strollers, large items .. $15.00 per item" had been cut at them, and the
 * sum quoted apart from what it is for); three are an ellipsis as often.
 */
const LEADER = /(?<![.…_])(?:\.{4,}|…{2,}|_{4,}|(?<= )\.\.(?= ))(?![.…_])/u;
const LEADERS = new RegExp(LEADER.source, "gu");
/**
 * A gap of three spaces or more, or a tab, inside a line: its text is set out in columns ("Dr Nadia Farouk   - Senior
 * Teaching Fellow     ext. 4437"), one record a line, which prose wrapped to a width never is. Read as wrapped, a
 * list of first aiders ran into one sentence.
 */
const COLUMN_GAP = /\S(?: {3,}|\t+)\S/;

/** The text with each leader as spaces, offsets as they are: the segmenter ends a sentence at a run of dots. */
function withLeadersAsSpaces(text: string): string {
  return text.replace(LEADERS, (leader) => " ".repeat(leader.length));
}

/** A label's leader as a colon ("Adult: £12.00"), and none at the end of a line ("Signed"). By hand, over the spaces around each. */
export function withoutLeaders(text: string): string {
  let out = "";
  let copied = 0;
  for (const match of text.matchAll(LEADERS)) {
    let after = match.index + match[0].length;
    while (after < text.length && (text[after] === " " || text[after] === "\t")) after++;
    out += text.slice(copied, match.index).trimEnd() + (after < text.length ? ": " : "");
    copied = after;
  }
  return copied ? out + text.slice(copied) : text;
}

/** [start, end) cut into pieces of at most MAX_SENTENCE_CHARS. */
function bounded(text: string, start: number, end: number): Span[] {
  const pieces: Span[] = [];
  while (end - start > MAX_SENTENCE_CHARS) {
    const cut = cutPoint(text, start, end);
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end });
  return pieces;
}

/** Where to cut [start, end) for a piece of at most MAX_SENTENCE_CHARS: after the last white space in its second half, else hard. */
function cutPoint(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + MAX_SENTENCE_CHARS);
  if (limit === end) return end;
  for (let i = limit; i > start + MAX_SENTENCE_CHARS / 2; i--) if (/\s/.test(text[i - 1]!)) return i;
  // Never between the two halves of a surrogate pair.
  return /[\uDC00-\uDFFF]/.test(text[limit]!) ? limit - 1 : limit;
}

function pushGlued(text: string, { start, end }: Span, spans: Span[]): void {
  let cut = 0;
  for (const match of text.slice(start, end).matchAll(GLUED_STOP)) {
    pushTrimmed(text, start + cut, start + match.index, spans);
    cut = match.index;
  }
  pushTrimmed(text, start + cut, end, spans);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
