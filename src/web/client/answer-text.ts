/**
 * @module answer-text
 * Pure text work behind the citations: splitting an answer into text and
 * `[n]` markers, finding the answer sentence that carries a marker, and
 * locating that sentence inside the cited passage so it can be highlighted.
 */

/** A piece of an answer: plain text or a citation marker. */
export type AnswerPart = { text: string } | { cite: number };

/** Characters [start, end) of a string. */
export interface TextRange {
  start: number;
  end: number;
}

const MARKER = /\[(\d+)\]/g;
// Sentence ends, except before a marker: "… Hangzhou. [1]" keeps its marker.
const SENTENCE_BREAK = /(?<=[.!?]["'”’)]*)\s+(?!\[\d+\])/u;
const WORD = /[\p{L}\p{N}]+/gu;
// Words this short carry little evidence ("the", "of", "in").
const MIN_WORD_LENGTH = 3;
// A passage sentence must share this share of the answer sentence's words to count as its source.
const MIN_OVERLAP = 0.4;

/** Splits "A [1]. B [2]." into text and marker parts, in order. */
export function splitAnswer(answer: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    if (match.index > last) parts.push({ text: answer.slice(last, match.index) });
    parts.push({ cite: Number(match[1]) });
    last = match.index + match[0].length;
  }
  if (last < answer.length) parts.push({ text: answer.slice(last) });
  return parts;
}

/** The first answer sentence carrying `[n]`, without its markers; undefined when none does. */
export function citedSentence(answer: string, n: number): string | undefined {
  const sentence = answer.split(SENTENCE_BREAK).find((s) => s.includes(`[${n}]`));
  return sentence?.replace(/\s*\[\d+\]/g, "").trim() || undefined;
}

/**
 * Where `sentence` sits in `passage`: verbatim (ignoring spacing) when it was
 * quoted, else the passage sentence sharing most of its words (a paraphrase).
 */
export function locateSentence(passage: string, sentence: string): TextRange | undefined {
  return locateVerbatim(passage, sentence) ?? locateByOverlap(passage, sentence);
}

function locateVerbatim(passage: string, sentence: string): TextRange | undefined {
  const words = sentence.split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const pattern = new RegExp(words.map(escapeRegExp).join("\\s+"), "u");
  const match = pattern.exec(passage);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

function locateByOverlap(passage: string, sentence: string): TextRange | undefined {
  const wanted = contentWords(sentence);
  if (!wanted.size) return undefined;
  let best: { range: TextRange; shared: number } | undefined;
  for (const range of sentenceRanges(passage)) {
    const words = contentWords(passage.slice(range.start, range.end));
    const shared = [...wanted].filter((w) => words.has(w)).length;
    if (!best || shared > best.shared) best = { range, shared };
  }
  return best && best.shared >= 2 && best.shared / wanted.size >= MIN_OVERLAP ? best.range : undefined;
}

function sentenceRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(/[^\s][^.!?\n]*(?:[.!?]+["'”’)]*|\n|$)/gu)) {
    const body = match[0].trimEnd();
    if (body) ranges.push({ start: match.index, end: match.index + body.length });
  }
  return ranges;
}

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= MIN_WORD_LENGTH));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
