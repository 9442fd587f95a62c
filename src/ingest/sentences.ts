/**
 * @module sentences
 * Sentence boundaries with character offsets. ICU's sentence segmenter does the
 * work; on top of it we split where a full stop is glued to the next sentence
 * ("capacities.AI needs"), which real documents contain and ICU does not split.
 */

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// A lower-case word of two or more letters, a full stop, then a capitalised word: a missing space.
const GLUED_STOP = /(?<=\p{Ll}{2}[.!?])(?=\p{Lu}[\p{L}]{1,})/gu;

// ICU ends a "sentence" after a list enumerator such as "1." or "a)"; it belongs to what follows.
const ENUMERATOR = /^(?:\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|[•\-*–·▪◦])$/u;

/** Splits text[from, to) into trimmed sentence spans (never empty, never whitespace-only). */
export function sentenceSpans(text: string, from = 0, to = text.length): Span[] {
  const spans = rawSpans(text, from, to);
  const merged: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    if (next && ENUMERATOR.test(text.slice(span.start, span.end))) {
      merged.push({ start: span.start, end: next.end });
      i++;
    } else merged.push(span);
  }
  return merged;
}

function rawSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  const slice = text.slice(from, to);
  for (const { index, segment } of segmenter.segment(slice)) {
    const base = from + index;
    let cut = 0;
    for (const match of segment.matchAll(GLUED_STOP)) {
      pushTrimmed(text, base + cut, base + match.index, spans);
      cut = match.index;
    }
    pushTrimmed(text, base + cut, base + segment.length, spans);
  }
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
