/**
 * @module synonyms
 * A question's words and their synonyms stand for each other in evidence:
 * people ask about the "worries" or "topics" of what a document calls its
 * "concerns" or "themes", and an adjective is found in what it measures: "how
 * heavy" in "Weight: 0.9 kg". For one question, which of its terms a text holds
 * through a synonym (a multi-word synonym counts when all its terms are there:
 * "take place").
 */
import { isStopWord, joinedCompounds, terms, words } from "../retrieval/tokenize.js";

/** WordNet's parts of speech: a word's usual sense is read in each, or in the one its place in a question shows. */
export type PartOfSpeech = "noun" | "verb" | "adj" | "adv";

/** Other words for a word's usual sense (WordNet behind it in production). */
export interface Thesaurus {
  synonyms(word: string, only?: PartOfSpeech): string[];
  /** The nouns an adjective is a value of: "heavy" → "weight". */
  attributes(word: string): string[];
  /** An adjective's opposites: "open" → "closed". */
  antonyms(word: string): string[];
  /** The parts of speech the word is known in, in any of its forms ("shut": a verb, an adjective and a noun). */
  partsOfSpeech(word: string): PartOfSpeech[];
}

const ASKS_WHETHER = /^\W*(?:is|are|was|were|will|would|can|could|does|do|did)\b/iu;
// "is there a season lease for adults and what does it cost" asks what as well: the junior lease's $189 had answered it
// (0.76), as if any audience's lease said whether there is one.
const AND_ASKS_WHAT = /(?:\band|,)\s+(?:what|how much|how many|how long|when|where|who|which)\b/iu;

/** Whether the question asks whether something is so ("Is the lake open on Mondays?"), which its opposite answers as well. */
export const asksWhether = (question: string) => ASKS_WHETHER.test(question) && !AND_ASKS_WHAT.test(question);

// A word after one of these is a noun, and only its noun's synonyms count: "a refund" is no "return", which the verb
// "refund" is.
const DETERMINER = /^(?:a|an|the|my|your|our|their|his|her|its|this|that|these|those|any|some|no|each|every)$/;

/** For one question: the question terms a set of text terms holds through synonyms only; empty when none apply. */
export function synonymTerms(question: string, thesaurus: Thesaurus | undefined): (held: Set<string>) => string[] {
  if (!thesaurus) return () => [];
  // The question terms each alternative stands for, and the alternatives, each a phrase's terms.
  const alternatives: [string[], string[][]][] = [];
  const measured = new Set(measuredAdjectives(question));
  const asked = words(question);
  const nouns = new Set(asked.filter((_, i) => i > 0 && DETERMINER.test(asked[i - 1]!)));
  // A question asking whether is answered by the opposite as well: "Is the lake open on Mondays?" by "Monday: Closed".
  const whether = asksWhether(question);
  const add = (asking: string[], synonyms: string[]) => {
    const phrases = synonyms.map((synonym) => terms(synonym)).filter((phrase) => phrase.length > 0 && !phrase.some((t) => asking.includes(t)));
    if (phrases.length) alternatives.push([asking, phrases]);
  };
  // A hyphenated word whose joined term is indexed is also asked whole: "e-bike" as "ebike".
  const joined = joinedCompounds(question).map(({ word }) => word);
  for (const word of new Set([...asked, ...joined])) {
    if (/\d/.test(word)) continue;
    // A stop word has no term.
    const [term] = terms(word);
    if (term === undefined) continue;
    add([term], [
      ...thesaurus.synonyms(word, nouns.has(word) ? "noun" : undefined),
      ...(measured.has(word) ? thesaurus.attributes(word) : []),
      ...(whether ? thesaurus.antonyms(word) : []),
    ]);
  }
  // Words that go together as one ("call off", "put off", "get rid of") mean what they do together: "cancel".
  for (const collocation of wordRuns(asked, COLLOCATION_LENGTHS)) {
    const asking = terms(collocation.join(" "));
    if (asking.length) add(asking, thesaurus.synonyms(collocation.join("_")));
  }
  if (!alternatives.length) return () => [];
  return (held) => alternatives.filter(([, phrases]) => phrases.some((phrase) => phrase.every((t) => held.has(t)))).flatMap(([asking]) => asking);
}

/**
 * For one question: whether a text says the verb of each of its phrasal verbs ("call off", "put off": WordNet's verb
 * of a verb and a particle, the verb not after a determiner or a possessive: "the party's take on" is a noun) only
 * apart from its particle. "Call us on 01233 555 019" says nothing of calling off an appointment, and its "call" is
 * then no word of the question: the terms to leave out of what the text holds.
 */
export function verbsApart(question: string, thesaurus: Thesaurus | undefined): (text: string) => string[] {
  if (!thesaurus) return () => [];
  const asked = words(question);
  const phrasal = asked.slice(1).flatMap((particle, i) => {
    const [verb] = terms(asked[i]!);
    const before = asked[i - 1];
    const noun = before !== undefined && (DETERMINER.test(before) || before === "s");
    return verb !== undefined && !noun && isStopWord(particle) && thesaurus.synonyms(`${asked[i]}_${particle}`, "verb").length ? [{ verb, particle }] : [];
  });
  if (!phrasal.length) return () => [];
  return (text) => {
    const said = words(text);
    const together = ({ verb, particle }: { verb: string; particle: string }) => said.some((word, i) => said[i + 1] === particle && terms(word)[0] === verb);
    return phrasal.filter((p) => !together(p)).map(({ verb }) => verb);
  };
}

/** Every run of consecutive words of each of `lengths`, by where it starts, then by length. */
export function* wordRuns(words: readonly string[], lengths: readonly number[]): Generator<string[]> {
  for (let i = 0; i < words.length; i++) for (const length of lengths) if (i + length <= words.length) yield words.slice(i, i + length);
}

// WordNet's collocations of two or three words, looked up as it writes them ("call_off"). Measured with a full refit
// (`npm run eval`, 2026-12-05): NQ-open's check answers holding a gold answer 76.9 → 77.2 % ("when did canada get rid of
// the death penalty" is answered by "abolished"), its confident answers 467 at 0.880 → 471 at 0.877; the paraphrase
// set one more right answer, SQuAD three fewer confident answers (253 at 0.593 → 250 at 0.588).
const COLLOCATION_LENGTHS = [2, 3];

// "How heavy is it?": the adjective after "how" asks for a measure of what it names. Not "how many" or "how much":
// they ask for a count or an amount (answer-type.ts), and WordNet's "numerousness" names nothing a document says.
const HOW_ADJECTIVE = /\bhow (?!many\b|much\b)(\p{L}+)/giu;

/** The adjectives a question asks a measure of ("heavy" in "how heavy is it"), lower case. */
function measuredAdjectives(question: string): string[] {
  return [...question.matchAll(HOW_ADJECTIVE)].map(([, adjective]) => adjective!.toLowerCase());
}

/**
 * The thesaurus with `more` among a word's synonyms: hand-written additions where WordNet's usual sense is not what
 * documents mean (days-of-the-week.ts, event-verbs.ts).
 */
export function withMoreSynonyms(thesaurus: Thesaurus, more: (word: string, only?: PartOfSpeech) => string[]): Thesaurus {
  return {
    synonyms: (word, only) => [...thesaurus.synonyms(word, only), ...more(word, only)],
    attributes: (word) => thesaurus.attributes(word),
    antonyms: (word) => thesaurus.antonyms(word),
    partsOfSpeech: (word) => thesaurus.partsOfSpeech(word),
  };
}

/**
 * How keyword search should see a question: with the nouns that the adjective of a "how heavy / tall / old …"
 * question measures ("weight", "height", "age"), which a specification names where the question does not ("Weight:
 * 0.9 kg" for "How heavy is it?", found by no word of the question before).
 */
export function withMeasuredNouns(thesaurus: Thesaurus): (question: string) => string {
  return (question) => {
    const nouns = measuredAdjectives(question).flatMap((adjective) => thesaurus.attributes(adjective));
    return nouns.length ? `${question} ${[...new Set(nouns)].join(" ")}` : question;
  };
}
