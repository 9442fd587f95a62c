/**
 * @module spelling
 * A misspelt word is searched as the word the documents use: "expences
 * deadline" as "expenses deadline", "guest wifi pasword" as "guest wifi
 * password". Without it a misspelt word matches nothing, its passage is not
 * found by keyword search, and the relevance gate reads the question as one the
 * documents do not answer ("expences deadline" was `not_found`).
 *
 * Only a word that neither the documents nor English (WordNet) know is
 * corrected, to a word one edit away (a letter left out, added, changed, or two
 * swapped) that English knows and the documents use, the one they use most. A
 * real word the documents do not use ("gym") is left as it is, and so found
 * missing; so is a misspelling with no such word one edit away.
 *
 * By hand: the spelling libraries on npm bring dictionaries of their own, while
 * the words that count here are those of the indexed documents, which only the
 * index knows.
 */
import { isStopWord, terms } from "../retrieval/tokenize.js";

/** English words, inflected forms included ("expenses"). */
export interface Lexicon {
  knows(word: string): boolean;
  /** Known only as someone's name ("crosby"): a name the documents do not use is more likely than a misspelt name. */
  namesPerson(word: string): boolean;
}

/** IDFs of the terms of a query, as the keyword index gives them (KeywordSearch.idfFor). */
export type IdfLookup = (query: string) => Promise<(term: string) => number>;

// Shorter words have too many neighbours one edit away ("liga": "lima", "beti": "beta") to guess which was meant.
const MIN_CORRECTED_LENGTH = 5;
// Contractions written without their apostrophe are no misspellings ("whats" is not "hats", nor "wasnt" "want").
const CONTRACTIONS = new Set(
  "whats thats theres heres wheres whos hows dont doesnt didnt isnt arent wasnt werent cant couldnt shouldnt wouldnt wont hasnt havent hadnt aint shes youre theyre weve youve theyve ive im lets".split(" "),
);
const ALPHABET = "abcdefghijklmnopqrstuvwxyz";
// No term is ever this (terms are letters and digits): its IDF is that of a term no document holds.
const NO_TERM = "\u0000";

/**
 * The question with each misspelt word replaced by the word the documents use; the question itself when none is.
 * `idf` holds the IDFs of the question's own terms (the caller has them: evidence reads them too); `idfFor` is asked
 * only when a word is misspelt, for its candidates.
 */
export async function correctSpelling(question: string, idf: (term: string) => number, lexicon: Lexicon, idfFor: IdfLookup): Promise<string> {
  const unknownIdf = idf(NO_TERM);
  const inDocuments = (lookup: (term: string) => number, word: string) => terms(word).every((t) => lookup(t) < unknownIdf);
  const misspelt = [...question.matchAll(/\p{L}+/gu)].filter(([word]) => {
    const lower = word.toLowerCase();
    return lower.length >= MIN_CORRECTED_LENGTH && !isStopWord(lower) && !CONTRACTIONS.has(lower) && !lexicon.knows(lower) && !inDocuments(idf, lower);
  });
  if (!misspelt.length) return question;

  const candidates = new Map(misspelt.map(([word]) => [word, oneEditAway(word.toLowerCase()).filter((c) => lexicon.knows(c) && !lexicon.namesPerson(c))]));
  const candidateIdf = await idfFor([...new Set([...candidates.values()].flat())].join(" "));
  let corrected = "";
  let copied = 0;
  for (const match of misspelt) {
    const used = candidates
      .get(match[0])!
      .filter((c) => terms(c).length > 0 && inDocuments(candidateIdf, c))
      .map((word) => ({ word, idf: candidateIdf(terms(word)[0]!) }));
    if (!used.length) continue;
    const commonest = used.reduce((best, c) => (c.idf < best.idf ? c : best)).word;
    corrected += question.slice(copied, match.index) + (/^\p{Lu}/u.test(match[0]) ? commonest[0]!.toUpperCase() + commonest.slice(1) : commonest);
    copied = match.index + match[0].length;
  }
  return corrected + question.slice(copied);
}

/**
 * Every string one edit away from `word` after its first letter: one letter deleted, two neighbours swapped, one
 * replaced, one inserted. A typing error seldom hits the first letter, and a name not in the documents is then not
 * taken for a word one letter off ("betty" for "petty", "harley" for "marley").
 */
function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i <= word.length; i++) {
    const [before, after] = [word.slice(0, i), word.slice(i)];
    if (after) out.add(before + after.slice(1));
    if (after.length > 1) out.add(before + after[1] + after[0] + after.slice(2));
    for (const letter of ALPHABET) {
      if (after) out.add(before + letter + after.slice(1));
      out.add(before + letter + after);
    }
  }
  out.delete(word);
  return [...out];
}
