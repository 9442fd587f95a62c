/**
 * @module closing-punctuation
 * How a line or a sentence ends: where its closing punctuation starts ("… Hangzhou." → before the "."), so that a
 * citation marker can go in front of it, and whether it ends with a stop of a given set. The one place that reads
 * endings: where a sentence ends (the answer's citations), whether a line ends a clause (a wrapped line does not),
 * and whether a PDF line ends a paragraph each ask it with their own stops; a question is read without its closing
 * punctuation (withoutClosing), and a chat message without the thanks it ends with. Scanned backwards by hand: the
 * regular expression it replaces (`/[.!?:;]+["'”’)]*$/`) is retried at every start position and took seconds on a
 * long run of dots.
 */

/** The stops a sentence or a clause may end with. */
export const CLAUSE_STOPS = ".!?:;";
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);

export interface ClosingPunctuation {
  /** Index where the trailing stops and closing quotes/brackets begin (`text.length` when there are none). */
  start: number;
  /** Whether at least one stop is among them. */
  hasStop: boolean;
}

/** The longest suffix of `text` made of stops (`stops`, each one character) followed by closing quotes or brackets. */
export function closingPunctuation(text: string, stops = CLAUSE_STOPS): ClosingPunctuation {
  let start = text.length;
  while (start > 0 && CLOSERS.has(text[start - 1]!)) start--;
  const closersStart = start;
  while (start > 0 && stops.includes(text[start - 1]!)) start--;
  return { start, hasStop: start < closersStart };
}

// A final dot that belongs to the word before it: a dotted abbreviation ("8 p.m.", "e.g.", "U.S.") or "etc.". It is no
// closing punctuation a marker can go in front of: "10 a.m. to 8 p.m [1]." had lost the "p.m." a reader looks for.
const ABBREVIATION_DOT = /(?:(?<![\p{L}.])(?:\p{L}\.){2,}|\betc\.)$/u;

/**
 * Where a citation marker goes: before the closing punctuation ("… Hangzhou [1]."), or at the end when there is none
 * or when the last dot is part of an abbreviation ("… to 8 p.m. [1]").
 */
export function citationPoint(text: string): number {
  const closing = closingPunctuation(text);
  if (!closing.hasStop) return text.length;
  return ABBREVIATION_DOT.test(text.slice(0, closing.start + 1)) && text[closing.start] === "." ? text.length : closing.start;
}

/** Whether `text` ends with one of `stops`, closing quotes or brackets aside ("… 2025.”"). */
export function endsWithStop(text: string, stops = CLAUSE_STOPS): boolean {
  return closingPunctuation(text.trimEnd(), stops).hasStop;
}

/** The text without the characters matching `char` (one character at a time) at its end, trimmed by hand as above. */
export function withoutTrailing(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The text without closing question marks, stops and spaces ("What is it about?" → "What is it about"). */
export function withoutClosing(text: string): string {
  return withoutTrailing(text, /[\s?.!]/u);
}
