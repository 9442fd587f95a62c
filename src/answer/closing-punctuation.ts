/**
 * @module closing-punctuation
 * Where a sentence's closing punctuation starts ("… Hangzhou." → before the
 * "."), so that a citation marker can go in front of it. Scanned backwards by
 * hand: the regular expression it replaces (`/[.!?:;]+["'”’)]*$/`) is retried
 * at every start position and took seconds on a long run of dots.
 */

const STOPS = new Set([".", "!", "?", ":", ";"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")"]);

export interface ClosingPunctuation {
  /** Index where the trailing stops and closing quotes/brackets begin (`text.length` when there are none). */
  start: number;
  /** Whether at least one stop (. ! ? : ;) is among them. */
  hasStop: boolean;
}

/** The longest suffix of `text` made of stops followed by closing quotes or brackets. */
export function closingPunctuation(text: string): ClosingPunctuation {
  let start = text.length;
  while (start > 0 && CLOSERS.has(text[start - 1]!)) start--;
  const closersStart = start;
  while (start > 0 && STOPS.has(text[start - 1]!)) start--;
  return { start, hasStop: start < closersStart };
}
