/**
 * @module cli/footnotes
 * An answer for a terminal: the text with its `[n]` markers, then one
 * footnote per citation with the source, the page and the sentence of the
 * passage that the answer's sentence rests on (found the way the chat page
 * highlights it, src/web/client/answer-text.ts), so a reader can check the
 * claim without opening the document.
 */
import type { AskResult } from "../answer/ask.js";
import type { CitedPassage } from "../core/views.js";
import type { SearchResult } from "../answer/search.js";
import { citedSentence, locateSentence } from "../web/client/answer-text.js";

// A quoted passage longer than this is cut, so a footnote stays a line or two.
const MAX_QUOTE_CHARS = 240;

/** The answer to `question` for a terminal; what was searched is said when it was not the question as typed (spelling.ts). */
export function formatAnswer(result: AskResult, question: string): string {
  const lines = [result.answer];
  if (result.query !== question) lines.push("", `(Searched for: ${result.query})`);
  if (result.outcome === "uncertain") lines.push("", "(Uncertain: no passage answers this clearly; the closest ones are listed.)");
  if (result.citations.length) lines.push("", ...result.citations.map((c) => footnote(c, result.answer)));
  return lines.join("\n");
}

export function formatSearchResults(results: SearchResult[]): string {
  if (!results.length) return "No passage matches the query.";
  return results.map((r, i) => `${i + 1}. ${where(r)} (score ${r.score.toFixed(2)}, characters ${r.start}–${r.end})\n   ${quote(r.text)}`).join("\n");
}

function footnote(citation: CitedPassage, answer: string): string {
  const sentence = citedSentence(answer, citation.n);
  const range = sentence ? locateSentence(citation.text, sentence) : undefined;
  const cited = range ? citation.text.slice(range.start, range.end) : citation.text;
  return `[${citation.n}] ${where(citation)}: "${quote(cited)}"`;
}

function where(passage: { source: string; page?: number }): string {
  return passage.page !== undefined ? `${passage.source}, p. ${passage.page}` : passage.source;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_QUOTE_CHARS ? `${flat.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…` : flat;
}
