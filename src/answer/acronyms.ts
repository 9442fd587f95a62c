/**
 * @module acronyms
 * A phrase and its initialism stand for each other: people ask about
 * "artificial intelligence" where the documents say "AI", or about "the NBA"
 * where they say "National Basketball Association". Evidence counts the
 * question's terms as found in a text through either form. Only an initialism
 * written in capitals counts (in the text, or in the question), so that short
 * ordinary words are not read as one. Written here rather than taken from a
 * library: what is needed is a check against one question, not an acronym
 * dictionary, and the tokenizer must be the one evidence already uses.
 */
import { isStopWord, terms, words } from "../retrieval/tokenize.js";

// Two to six capitals standing alone: AI, NEMO, UNESCO.
const INITIALISM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu;
const MAX_PHRASE = 6;

/** The words that give a phrase its initials: content words, in order. */
function contentWords(text: string): string[] {
  return words(text).filter((w) => !isStopWord(w) && !/^\d/.test(w));
}

/**
 * For one question, the question terms a text holds through an initialism or
 * its phrase (besides those it holds as written); empty when the question has
 * neither.
 */
export function acronymTerms(question: string): (text: string) => string[] {
  // The question's phrases by their initials: "artificial intelligence" → "ai".
  const phrases = new Map<string, string[]>();
  const questionWords = contentWords(question);
  for (let i = 0; i < questionWords.length; i++) {
    for (let length = 2; length <= MAX_PHRASE && i + length <= questionWords.length; length++) {
      const span = questionWords.slice(i, i + length);
      phrases.set(span.map((w) => w[0]).join(""), terms(span.join(" ")));
    }
  }
  // The question's own initialisms: "AI" → found where a text spells out a phrase with those initials.
  const initialisms = [...new Set(question.match(INITIALISM) ?? [])].map((x) => x.toLowerCase());
  if (!initialisms.length && !phrases.size) return () => [];
  const asStopWords = capitalisedStopWords(question);
  return (text) => {
    const found: string[] = [];
    const tokens: string[] = text.match(INITIALISM) ?? [];
    for (const token of tokens) found.push(...(phrases.get(token.toLowerCase()) ?? []));
    for (const x of asStopWords) if (tokens.includes(x)) found.push(x);
    if (initialisms.length) {
      const initials = phraseInitials(text);
      for (const x of initialisms) if (initials.some((phrase) => phrase.includes(x))) found.push(...terms(x));
    }
    return found;
  };
}

/**
 * The initialisms of a question that read as stop words in lower case ("IT", "US", "WHO"), as written: terms of their
 * own, which keyword search and evidence would otherwise drop as "it", "us", "who". "who to contact about IT for the
 * move" had found no term of "IT equipment and setup: IT Service Desk, extension 2300".
 */
export function capitalisedStopWords(question: string): string[] {
  return [...new Set(question.match(INITIALISM) ?? [])].filter((x) => isStopWord(x.toLowerCase()));
}

// What parts a text into phrases: punctuation other than a word's own apostrophe or hyphen.
const PHRASE_BREAK = /[^\p{L}\p{N}\s'’-]+/u;

/**
 * The initials of each phrase of a text, its content words in order: a phrase spelled out stands within punctuation,
 * and an initialism in it is not spelled out. Read across the whole text, "Service: Express (UK); Cost" had "e" and
 * "u" next to each other, and answered a question about the EU.
 */
function phraseInitials(text: string): string[] {
  return text.split(PHRASE_BREAK).map((phrase) =>
    contentWords(phrase.replace(INITIALISM, " "))
      .map((w) => w[0])
      .join(""),
  );
}
