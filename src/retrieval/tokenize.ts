/**
 * @module tokenize
 * The one tokenizer behind keyword search, answer-sentence scoring and
 * confidence: Unicode-normalised, lower-cased, accent-folded words, English
 * stop words dropped, irregular past forms and plurals reduced to their base
 * ("took" → "take", "children" → "child"), Porter-stemmed (the `stemmer`
 * package).
 */
import { stemmer } from "stemmer";
import { baseForm } from "./irregular-forms.js";

// A compact English stop list (Lucene's classic list plus question words, auxiliaries and the indefinite pronouns: in
// "How long do I have to return something?", "something" is the rarest word, and no answer says it), with the words
// people fill a chat message with ("do you guys actually open on Sundays") and the "happens" of "what happens if …",
// rare in documents and never what is asked: "what happens to my booking if it's too windy" had been answered from
// a game's known issues ("Can happen after pausing mid-match").
// "No" and "not" stay on it: as terms (`npm run eval`, 2026-12-05), "What does the warranty not cover?" was answered
// confidently and rightly, but NQ-open's answers holding a gold answer went from 77.2 to 77.0 %, SciFact's keyword
// nDCG@10 from 0.680 to 0.677, and the workplace set lost "Why is my coffee watery?" and two right confident answers.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves s t also per via according something anything everything someone anyone
  everyone somebody anybody everybody somewhere anywhere everywhere actually really basically guys happen happens happened happening`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased, accent-folded words in order, stop words included (for phrase checks). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Unicode-normalised, accents removed, days spelt out, lower case, contractions undone. */
function fold(text: string): string {
  return withoutContractions(withDaysSpeltOut(text.normalize("NFKD").replace(/\p{M}+/gu, "")).toLowerCase());
}

// A timetable's short day ("Mon-Thu 3:00 pm - 10:00 pm", "Fri 3:00 pm", "Sat & Sun") is the day: "what time does the
// climbing wall close on friday" had not found "Fri 3:00 pm - 8:00 pm", and "Sat" was read as the past of "sit". Only
// with a capital and beside a number or another day, so that "Sun cream", "I sat the exam" or "wed in June" stay words.
const SHORT_DAY = String.raw`(?:Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat|Sun)`;
const BESIDE_DAY = String.raw`\.?\s*(?:[-‐‑–—/&,+]|to|and|through|thru)\s*`;
// The short day is matched first and what stands beside it read only then: a lookbehind tried at every position of
// every text tokenized had cost a tenth of `terms`.
const SHORT_DAYS = new RegExp(String.raw`\b${SHORT_DAY}\b(?:(?=\.?\s*\d|${BESIDE_DAY}${SHORT_DAY}\b)|(?<=\b${SHORT_DAY}${BESIDE_DAY}\b${SHORT_DAY}))`, "gu");
const DAY_NAMES: Record<string, string> = { Mon: "Monday", Tue: "Tuesday", Wed: "Wednesday", Thu: "Thursday", Fri: "Friday", Sat: "Saturday", Sun: "Sunday" };

/** The text with a timetable's short days written whole ("Mon-Fri 9am" → "Monday-Friday 9am"). */
export function withDaysSpeltOut(text: string): string {
  return text.replace(SHORT_DAYS, (day) => DAY_NAMES[day.slice(0, 3)] ?? day);
}

// "don't", "isn't", "can't": the word before "n't", with "not" (a stop word). Split at the apostrophe they had been
// terms of their own ("don", "isn", "won" read as "win"), which no answer says. Measured with a full refit (`npm run
// eval`, 2026-12-05): the eval sets' answers about as before (NQ-open 467 confident at 0.880, was 465 at 0.880), one
// NQ-open answer lost its gold: "who sings the song it ain't me", whose title's "ain't" is now two stop words.
// From a word's start only (the lookbehind): tried from within a long word as well, the pattern would read the rest of
// the word at every letter of it, and a 20,000-letter token took most of a second.
const NEGATED = /(?<!\p{L})(\p{L}+)n['’]t(?![\p{L}\p{N}])/gu;
const NEGATED_IRREGULAR = new Map(Object.entries({ ca: "can", wo: "will", sha: "shall", ai: "is" }));
// "I'm", "you're", "we've", "I'll", "I'd": the clitic goes, a word no answer says either; "I'm pregnant" had been all
// "m", the rarest term of the question.
const CLITIC = /(\p{L})['’](?:m|re|ve|ll|d)(?![\p{L}\p{N}])/gu;

/** Lower-case text with its contractions undone: "i'm" → "i", "don't" → "do not", "won't" → "will not". */
function withoutContractions(text: string): string {
  return text.replace(NEGATED, (_, word: string) => `${NEGATED_IRREGULAR.get(word) ?? word} not`).replace(CLITIC, "$1");
}

// A word, or words joined by hyphens ("wi-fi", "IL-6", "log-in"); one hyphen between each, so no backtracking.
const HYPHENATED = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
const HYPHEN = /[-\u2010\u2011]/u;

/**
 * Index terms: words without stop words, stemmed. Order is kept; duplicates are kept. A hyphen splits a word ("IL-6"
 * is "il" and "6"), and a compound with a short or numbered part, or a stop word, is also a term joined, after its
 * parts: "Wi-Fi" is "wi", "fi" and "wifi", so that "wifi", "email", "login" and "checkout" find "Wi-Fi", "e-mail",
 * "log-in" and "check-out", and back (the particle: `npm run eval`, 2026-12-05, NQ-open 318 confident answers at
 * 0.906, was 314 at 0.904, SciFact and the other sets' answers as before). (Measured
 * first for SciFact's "IL-6": nDCG@10 0.672 → 0.674 by keyword search, the QA sets unchanged, `npm run eval`,
 * 2026-12-04; kept for what people type.) A compound of numbers alone ("2019-2020", a phone number) is not joined.
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const [compound] of fold(text).matchAll(HYPHENATED)) {
    const parts = compound.split(HYPHEN);
    for (const word of parts) if (!STOP_WORDS.has(word)) out.push(stem(word));
    const joined = joinedTerm(compound, parts);
    if (joined !== undefined) out.push(joined);
  }
  return out;
}

/**
 * The text's hyphenated compounds that are also indexed joined: each as one word ("ebike" for "e-bike", folded), its
 * term ("ebik"), and the terms of its parts of one letter, which name nothing alone (the "e" of "e-bike"). A
 * question's words are read one by one, its compounds whole only here.
 */
export function joinedCompounds(text: string): { word: string; joined: string; letters: string[] }[] {
  return [...fold(text).matchAll(HYPHENATED)].flatMap(([compound]) => {
    const parts = compound.split(HYPHEN);
    const joined = joinedTerm(compound, parts);
    return joined === undefined ? [] : [{ word: parts.join(""), joined, letters: parts.filter((part) => /^\p{L}$/u.test(part) && !STOP_WORDS.has(part)).map(stem) }];
  });
}

function joinedTerm(compound: string, parts: string[]): string | undefined {
  const joins = parts.length > 1 && /\p{L}/u.test(compound) && parts.some((part) => part.length <= 2 || /\d/.test(part) || STOP_WORDS.has(part));
  return joins ? stem(parts.join("")) : undefined;
}

function stem(word: string): string {
  return /^\d+$/.test(word) ? word : stemmer(baseForm(word));
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
