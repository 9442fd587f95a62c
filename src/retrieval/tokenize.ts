/**
 * @module tokenize
 * The one tokenizer behind keyword search, answer-sentence scoring and
 * confidence: Unicode-normalised, lower-cased, accent-folded words, English
 * stop words dropped, irregular past forms reduced to their base ("took" →
 * "take"), Porter-stemmed (the `stemmer` package).
 */
import { stemmer } from "stemmer";
import { baseForm } from "./irregular-verbs.js";

// A compact English stop list (Lucene's classic list plus question words and auxiliaries).
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves s t also per via according`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased, accent-folded words in order, stop words included (for phrase checks). */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .match(WORD) ?? []
  );
}

/**
 * Index terms: words without stop words, stemmed. Order is kept; duplicates are kept. A hyphen splits a word ("IL-6"
 * is "il" and "6"): also indexing technical compounds joined ("il6", when a part has a digit or two letters at most)
 * took SciFact's nDCG@10 from 0.672 to 0.674 by keyword search and 0.657 to 0.660 hybrid, and left the QA sets as
 * they were (`npm run eval`, 2026-12-04); not worth a second form of every compound.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    out.push(/^\d+$/.test(word) ? word : stemmer(baseForm(word)));
  }
  return out;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
