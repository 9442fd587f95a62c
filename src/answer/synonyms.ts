/**
 * @module synonyms
 * A question's words and their synonyms stand for each other in evidence:
 * people ask about the "worries" or "topics" of what a document calls its
 * "concerns" or "themes". For one question, which of its terms a text holds
 * through a synonym (a multi-word synonym counts when all its terms are there:
 * "take place").
 */
import { terms, words } from "../retrieval/tokenize.js";

/** Other words for a word's usual sense (WordNet behind it in production). */
export interface Thesaurus {
  synonyms(word: string): string[];
}

/** For one question: the question terms a set of text terms holds through synonyms only; empty when none apply. */
export function synonymTerms(question: string, thesaurus: Thesaurus | undefined): (held: Set<string>) => string[] {
  if (!thesaurus) return () => [];
  const alternatives: [string, string[][]][] = [];
  for (const word of new Set(words(question))) {
    if (/\d/.test(word)) continue;
    // A stop word has no term.
    const [term] = terms(word);
    if (term === undefined) continue;
    const phrases = thesaurus
      .synonyms(word)
      .map((synonym) => terms(synonym))
      .filter((phrase) => phrase.length > 0 && !phrase.includes(term));
    if (phrases.length) alternatives.push([term, phrases]);
  }
  if (!alternatives.length) return () => [];
  return (held) => alternatives.filter(([, phrases]) => phrases.some((phrase) => phrase.every((t) => held.has(t)))).map(([term]) => term);
}
