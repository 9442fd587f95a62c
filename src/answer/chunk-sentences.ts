/**
 * @module chunk-sentences
 * The sentences of a passage as evidence reads and an answer quotes them: with
 * their offsets in the document, on one line, without list bullets, Markdown's
 * bold marks or an FAQ's "A:" label, and a table's row with its cells named by
 * their columns. Headings and the questions a document asks are not among
 * them: they say what a passage is about, not what it says.
 */
import type { Chunk } from "../core/types.js";
import { endsWithStop } from "../ingest/closing-punctuation.js";
import { indent, isCodeFence, type Span, sentenceSpans, withoutLeaders } from "../ingest/sentences.js";
import { terms } from "../retrieval/tokenize.js";
import { cellsOf, headsRows, isDelimiterRow, rowsAbove } from "../retrieval/tables.js";

const BULLET = /^(?:[•\-*–·▪◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/u;
// A clause's number in a policy or contract ("1.3 Maternity leave is covered …", "3.2.1 Requests must …"): a label,
// not part of what the clause says, and no number it answers with ("how many weeks of paternity leave" is not "1.3").
// Before a capital only: "1.5 litres of water" starts with a quantity.
const CLAUSE_NUMBER = /^\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\p{Lu})/u;

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** An item of a list, or a line of a code block: quoted on a line of its own, and with its list for a procedure. */
  listItem: boolean;
  /** A sentence of a list item after its first one. */
  continuesItem?: true;
  /** A line of a code block. */
  code?: true;
  /** The question the document asks just before this sentence, which it answers (an FAQ's answer); unset otherwise. */
  answers?: string;
  /** A row of a table, its cells named by their columns. */
  tableRow?: true;
  /** A table row's first cell, which names the record the row is about ("7-Day Rider"). */
  rowKey?: string;
  /** A table row's cells without their columns' names: what the row itself says. */
  rowCells?: string;
  /** The last sentence of its paragraph (a blank line, or the chunk's end, follows it). */
  endsParagraph?: true;
}

/**
 * The sentences of a chunk as evidence sees them (list bullets stripped), with document offsets. Headings are left
 * out: a title says what a passage is about, not what it says, and quoted as an answer it answers nothing ("# Amnesia:
 * The Dark Descent [1]" for "when did amnesia the dark descent come out" — 19 % of NQ-open answers quoted one). Its
 * words still count for the passage (contextCoverage reads the heading path). A heading that `keepHeading` keeps is a
 * sentence (evidence keeps one holding the date a when-question asks for). `tableHeader`: the header of a table the
 * chunk begins inside of (table-headers.ts), which names the cells of its first rows.
 */
export function chunkSentences(chunk: Chunk, tableHeader?: string[], keepHeading?: (text: string) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let asked: string | undefined;
  const lines = lineBounds(chunk.text);
  const lineKind = fencedLines(chunk.text, lines);
  const spans = sentenceSpans(chunk.text);
  const unbulleted = unbulletedItems(chunk, lines, spans);
  // The list items open above the current one, by indentation, with their labels: "- **Config file**" over
  // "  - Linux: `/etc/emberdb/ember.conf`". A nested item is read under its label ("Config file › Linux: …"): alone,
  // "Linux: …" had not answered "config file location linux", and "Config file" was quoted for it.
  const openItems: { indent: number; label?: string }[] = [];
  // The heading lines kept as sentences, by where they start: the splitter may cut one in two ("Version 4.2.0 — …").
  const keptHeadings = new Set<number>();
  for (const span of spans) {
    const kind = lineKind(span.start);
    // A fence ("```bash") is markup. A line of code is quoted as written, on a line of its own, and goes with the
    // block's other lines as a list's items go together: "How do I install it?" is answered by the commands.
    if (kind === "fence") continue;
    if (kind === "code") {
      const text = chunk.text.slice(span.start, span.end).trim();
      if (terms(text).length) out.push({ start: chunk.start + span.start, end: chunk.start + span.end, text, listItem: true, code: true });
      asked = undefined;
      continue;
    }
    let start = span.start;
    const bullet = BULLET.exec(chunk.text.slice(start, span.end));
    if (bullet) start += bullet[0].length;
    else start += CLAUSE_NUMBER.exec(chunk.text.slice(start, span.end))?.[0].length ?? 0;
    const line = lineAround(chunk.text, span.start, span.end);
    const row = tableRow(chunk.text, span, line, tableHeader);
    // A table's header is what its rows are named by, no statement.
    if (row === null) continue;
    let text = row?.text ?? readable(chunk.text.slice(start, span.end));
    // A question the document asks (an FAQ's "Q: How long can I keep a book?", a heading that asks) is no answer:
    // quoted, it answered "How many books can I take out?" with "Q: How many books can I borrow?". The sentence after
    // it answers it, and holds its words for the question asked here. An FAQ's label asks too, though its problem is
    // said as a statement: "Q: The outdoor unit is running but the radiators feel only lukewarm." had answered why the
    // radiators are lukewarm (0.82), which the sentence after it says.
    const asks = text.trimEnd().endsWith("?") || QUESTION_LABEL.test(text);
    if (isHeading(line, chunk) || asks) {
      asked = asks ? text : undefined;
      const lineStart = lineStartOf(chunk.text, span.start);
      const heading = asks || keptHeadings.has(lineStart) ? undefined : headingText(line);
      if (heading !== undefined && heading !== chunk.title && keepHeading?.(heading)) {
        keptHeadings.add(lineStart);
        out.push({ start: chunk.start + lineStart, end: chunk.start + lineStart + line.length, text: heading, listItem: false });
      }
      continue;
    }
    // A sentence without a term says nothing, unless it introduces what follows ("You can:"): the list is then the
    // sentence before it going on.
    const said = terms(text);
    if (!said.length && !text.trimEnd().endsWith(":")) continue;
    // A value standing after a sentence on its line is that sentence's: "Beginner Wheel Throwing — Tuesdays, 6:30pm–9:00pm,
    // with Maya Okafor. **$285**" prices the class, and alone "$285" had been a sentence of no words, which no question
    // covers (the class's price was not quoted for "How much is the beginner wheel throwing class?").
    const before = out.at(-1);
    if (before && isBareValue(said) && !chunk.text.slice(before.end - chunk.start, span.start).includes("\n")) {
      before.end = chunk.start + span.end;
      before.text = `${before.text} ${text}`;
      continue;
    }
    // A sentence after the first of an item, on its line ("2. Tap Submit. Your manager is told by email."), is the item's
    // too, with or without a bullet.
    const item = bullet ? "item" : BULLET.test(line.trimStart()) ? "continues" : unbulleted(span);
    const continuesItem = item === "continues";
    if (bullet) text = underLabel(openItems, line, text);
    else if (!continuesItem) openItems.length = 0;
    out.push({
      start: chunk.start + start,
      end: chunk.start + span.end,
      text,
      listItem: item !== undefined,
      ...(continuesItem && { continuesItem }),
      ...(asked !== undefined && { answers: asked }),
      ...(row !== undefined && { tableRow: true as const, rowKey: row.key, rowCells: row.cells }),
    });
    asked = undefined;
  }
  out.forEach((sentence, i) => {
    const next = out[i + 1];
    if (next === undefined || BLANK_LINE.test(chunk.text.slice(sentence.end - chunk.start, next.start - chunk.start))) sentence.endsParagraph = true;
  });
  return out;
}

const BLANK_LINE = /\n[ \t]*\n/;

/** A text whose terms (`said`) are numbers alone, with their signs: "$285", "£12.50", "10%". */
const isBareValue = (said: string[]) => said.length > 0 && said.every((term) => /^\d+$/u.test(term));

// A label over nested items: a few words that do not end as a sentence ends ("Config file", "Opening hours:").
const MAX_LABEL_WORDS = 5;

/**
 * A bulleted item's text read under the label of the item it is nested in, if that item is a label; `openItems` (the
 * items open above it, by indentation) is updated with it.
 */
function underLabel(openItems: { indent: number; label?: string }[], line: string, text: string): string {
  const depth = indent(line);
  while (openItems.length && openItems.at(-1)!.indent >= depth) openItems.pop();
  const parent = openItems.at(-1)?.label;
  const label = text.replace(/:\s*$/u, "");
  openItems.push({ indent: depth, ...(!endsWithStop(label, ".!?") && label.split(/\s+/u).length <= MAX_LABEL_WORDS && { label }) });
  return parent === undefined ? text : `${parent} › ${text}`;
}

/**
 * Lists written without bullets, one item per line: under "What is not covered", the lines "Normal wear, such as
 * scratches." and "Loss or theft." are a list's items as much as bulleted ones. Quoted alone, "Loss or theft." answers
 * "Is theft covered?" the other way round, unless its section's heading leads it (extractive.ts); and a recipe's
 * method is its lines. A list is a run of lines, with no blank line between them, that each end as a sentence ends,
 * at least two of them a single sentence: lines of prose separated by single line breaks (paragraphs of several
 * sentences each) are no list. Lines that do not end as sentences end ("225g unsalted butter") are quoted line by line
 * already. A heading, a question (an FAQ's), a bulleted item or a table's row is no such line. For a sentence: "item"
 * when it opens such a line, "continues" when it follows on its line, else undefined.
 */
function unbulletedItems(chunk: Chunk, bounds: LineBounds[], spans: Span[]): (span: Span) => "item" | "continues" | undefined {
  const text = chunk.text;
  let next = 0;
  const lines = bounds.map(({ start, end }) => {
    const line = text.slice(start, end).trim();
    // The sentences starting on this line (the spans are in order).
    const on: Span[] = [];
    while (next < spans.length && spans[next]!.start <= end) on.push(spans[next++]!);
    const whole = on.length > 0 && text.slice(on[0]!.start, on.at(-1)!.end).trim() === line;
    return { spans: on, listable: whole && endsWithStop(line) && !line.endsWith("?") && !BULLET.test(line) && !cellsOf(line) && !isHeading(line, chunk) };
  });
  const items = new Map<number, "item" | "continues">();
  for (let first = 0; first < lines.length; ) {
    let last = first;
    while (lines[last]?.listable) last++;
    const run = lines.slice(first, last);
    if (run.filter((line) => line.spans.length === 1).length >= 2) {
      for (const line of run) line.spans.forEach((span, i) => items.set(span.start, i === 0 ? "item" : "continues"));
    }
    first = Math.max(last, first + 1);
  }
  return (span) => items.get(span.start);
}

/**
 * Whether the line at an offset is a code fence, a line of code between two fences, or neither. Read from the chunk
 * alone: a chunk that opens inside a code block reads its first lines as prose.
 */
function fencedLines(text: string, bounds: LineBounds[]): (offset: number) => "fence" | "code" | undefined {
  let inside = false;
  const lines = bounds.map(({ start, end }) => {
    const fence = isCodeFence(text.slice(start, end));
    const kind = fence ? ("fence" as const) : inside ? ("code" as const) : undefined;
    if (fence) inside = !inside;
    return { end, kind };
  });
  if (!lines.some((line) => line.kind === "fence")) return () => undefined;
  return (offset) => lines.find((line) => offset <= line.end)?.kind;
}

/** A line of a text as offsets: from its first character to its line break, or to the text's end. */
interface LineBounds {
  start: number;
  end: number;
}

/** A text's lines, read once for both the code fences and the lists without bullets. */
function lineBounds(text: string): LineBounds[] {
  const lines: LineBounds[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}

/**
 * A sentence that is a whole row of a table, with each cell named by its column: "City: London; Limit per night: 140
 * pounds". Alone, "| London | 140 pounds |" says neither what 140 pounds is nor answers "What is the hotel limit in
 * London?" in its words. The header is the first row of the table, when the passage holds it, or `continuedHeader`
 * for rows the passage begins with (cut from a table begun before it); without one the cells are quoted as they are,
 * between bars only. The header itself is null (no sentence: headsRows). A Markdown delimiter
 * row ("| --- |") is no row: undefined, and it has no words to quote.
 */
function tableRow(text: string, span: Span, line: string, continuedHeader?: string[]): { text: string; key: string; cells: string } | null | undefined {
  const cells = text.slice(span.start, span.end).trim() === line.trim() ? cellsOf(line) : undefined;
  if (!cells || isDelimiterRow(cells)) return undefined;
  const { first, reachesStart } = rowsAbove(text, text.lastIndexOf("\n", span.start - 1) + 1);
  // A passage cut from inside a long table: its first row is no header, and the table's own names its cells.
  const header = reachesStart && continuedHeader ? continuedHeader : first?.cells;
  if (!header && headsRows(text, span.end, cells)) return null;
  const key = readable(cells[0]!);
  const bare = readable(cells.join(" | "));
  if (!header || header.length !== cells.length) return { text: bare, key, cells: bare };
  // An empty cell says nothing: "Notes:" with nothing after it had ended the row as a list's introduction ends.
  return { text: readable(cells.flatMap((cell, i) => (!cell ? [] : header[i] ? [`${header[i]}: ${cell}`] : [cell])).join("; ")), key, cells: bare };
}

// Bold and underline marks of Markdown ("**Q: Can I print?**"), and an FAQ's label of its answer ("A: Yes.").
const EMPHASIS = /\*\*|__/g;
const ANSWER_LABEL = /^(?:A|Answer)\s*:\s*/i;
const QUESTION_LABEL = /^(?:Q|Question)\s*:\s*/i;

/**
 * A sentence as it is quoted: on one line (a sentence of hard-wrapped text runs over lines, sentences.ts), without
 * Markdown's bold marks, an FAQ's answer label, runs of spaces and dot leaders ("Adult .......... £12.00" is "Adult:
 * £12.00").
 */
function readable(raw: string): string {
  // Runs of spaces set text out in columns ("Opening balance at 1 January            £8,412.56"); quoted, one does.
  const text = raw.split("\n").map((line) => line.trim()).join(" ").replace(EMPHASIS, "").replace(/[ \t]{2,}/g, " ").trim();
  return withoutLeaders(text).replace(ANSWER_LABEL, "");
}

// A Markdown ATX heading line; an HTML heading reaches the text as a line of its own, equal to its title.
const ATX_HEADING = /^#{1,6}[ \t]/;

/**
 * The whole line a sentence stands on: a numbered heading ("4. Mileage") is two sentences to the splitter, and
 * neither is the heading by itself.
 */
function lineAround(text: string, start: number, end: number): string {
  const lineEnd = text.indexOf("\n", end);
  return text.slice(lineStartOf(text, start), lineEnd < 0 ? text.length : lineEnd);
}

/** Where the line holding offset `at` starts. */
function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}

/** A heading line's words, without its Markdown marks. */
function headingText(line: string): string {
  return readable(line.trim().replace(ATX_HEADING, "").replace(/[ \t]+#+$/, ""));
}

/** A heading line, or the line a plain-text document's title was read from (when it does not end like a sentence). */
function isHeading(text: string, chunk: Chunk): boolean {
  const line = text.trim();
  return ATX_HEADING.test(line) || chunk.headingPath.includes(line) || isStatedProblem(line, chunk) || (line === chunk.title && !endsWithStop(line, ".!?"));
}

/**
 * A line in bold heading a Markdown section (markdown.ts's BOLD_LINE) that is a sentence: a troubleshooting FAQ's
 * problem ("**The air fryer won't turn on.**"), which the lines under it answer. Quoted, it had answered "air fryer
 * won't switch on" (0.86) with the problem itself. A label in bold ("**Licensing Team**") still names the block of
 * contact lines under it, which is how a telephone number there is found (extractive.ts contactBelow).
 */
function isStatedProblem(line: string, chunk: Chunk): boolean {
  const unmarked = line.replace(EMPHASIS, "");
  return unmarked !== line && endsWithStop(unmarked, ".!") && chunk.headingPath.includes(unmarked);
}
