/**
 * @module opposites
 * A question naming one of a pair of opposites is not answered by a text naming only the other: "overnight NMR rate for
 * external users" by "Overnight bookings … are charged at a flat rate of $60 per night for internal users", nor "the
 * maximum age" by "the minimum age is 8". The text answers for another record, as another day or sum does
 * (alternatives.ts), though the opposites are read per question, not from a closed list. They are WordNet's antonyms of
 * the question's adjectives, but for words that are verbs as well, which a question seldom uses as adjectives: "what
 * time does the leisure centre shut on a sunday" asks when it closes, and "Opening hours" answer it (measured with
 * them: that answer was lost), unless a determiner stands before them. Nor for the adjective of "how big", "how old".
 * Nor for a question asking whether, but after a determiner: "Is the lake open on Mondays?" is answered by "Monday:
 * Closed" (synonyms.ts counts the opposite there).
 */
import { terms, words } from "../retrieval/tokenize.js";
import { asksWhether, type Thesaurus } from "./synonyms.js";

// After a determiner an adjective names which thing is meant, even in a question asking whether, and a word that is a
// verb as well is an adjective there: "can I park free in the long stay car park with my blue badge" is not answered
// by "Blue Badge parking bays are on Level 0 of the Short Stay car park" (0.80).
const DETERMINERS = new Set(["the", "a", "an", "my", "your", "our", "their", "his", "her", "its", "this", "that", "these", "those"]);

// A word made its own opposite by "un" or "non" is one whatever its part of speech, and WordNet seldom lists it ("bare" is
// its antonym of "covered"): "covered parking space monthly price" is not answered by "Uncovered outdoor parking spaces
// … are available at $85 per month" (0.88). Of four letters at least: not "it" of "unit".
const prefixedOpposites = (word: string) => (word.length >= 4 && /^\p{L}+$/u.test(word) ? [`un${word}`, `non${word}`] : []);

/** For one question: whether a text names the opposite of one of its adjectives and not the adjective itself. */
export function namesOpposite(thesaurus: Thesaurus | undefined): (question: string) => (text: string) => boolean {
  return (question) => {
    if (!thesaurus) return () => false;
    const whether = asksWhether(question);
    const asked = new Set(terms(question));
    // Each adjective with opposites: itself or a synonym (`same`), and its opposites, each a phrase's terms.
    // The adjective after "how" asks for a degree, not the quality: "how big is the stage" is answered by "a small raised
    // stage" (which had been another record, and the main hall's "seats 120" was quoted, 0.83).
    const asking = words(question);
    const pairs = asking.flatMap((word, i) => {
      const [term] = terms(word);
      const afterDeterminer = DETERMINERS.has(asking[i - 1] ?? "");
      // Nor a word the question negates: "what if I'm not happy with the work" asks about being unhappy.
      const negated = /^(?:not|never)$|n['’]t$/u.test(asking[i - 1] ?? "");
      if (term === undefined || asking[i - 1] === "how" || negated || (whether && !afterDeterminer)) return [];
      const prefixed = prefixedOpposites(word);
      const antonyms = thesaurus.partsOfSpeech(word).includes("verb") && !afterDeterminer ? [] : thesaurus.antonyms(word);
      const opposites = [...prefixed, ...antonyms].map((opposite) => terms(opposite)).filter((phrase) => phrase.length > 0);
      // "internal and external users" asks about both.
      if (!opposites.length || opposites.some((phrase) => phrase.every((t) => asked.has(t)))) return [];
      const same = [[term], ...thesaurus.synonyms(word, "adj").map((synonym) => terms(synonym)).filter((phrase) => phrase.length > 0)];
      return [{ same, opposites }];
    });
    if (!pairs.length) return () => false;
    return (text) => {
      const held = new Set(terms(text));
      const holds = (phrase: string[]) => phrase.every((t) => held.has(t));
      return pairs.some(({ same, opposites }) => opposites.some(holds) && !same.some(holds));
    };
  };
}
