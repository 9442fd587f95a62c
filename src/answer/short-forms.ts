/**
 * @module short-forms
 * People write the short form of a word where documents often spell it out, and the other way round: "Do I need ID?"
 * of "You must show photo identification", "Can I hire an e-bike?" of "Riders must be at least 16 to hire an electric
 * bike". Written by hand, not read from WordNet: its "ID" is Idaho, its "docs" are doctors, and it has no "app",
 * "e-bike" or "admin". Only short forms with one everyday meaning are listed: not "min" (a minute as often as a
 * minimum), "HR" (human resources, not an hour: with it, "Who is the HR manager?" was answered with office hours), nor
 * "US" (the word "us").
 */
import { type Thesaurus, withMoreSynonyms } from "./synonyms.js";

// Each short form (as one word, a hyphen left out: "e-bike" is asked as "ebike"; a plural is read as its singular, and
// what it stands for is found in any form) with the words it stands for. "mins" and "hrs" stand alone: their singulars
// are ambiguous (above). A Map, looked up by a question's words: in an object, "constructor" found Object's constructor,
// which every question holding the word failed on ("more is not a function or its return value is not iterable").
const SHORT_FORMS = new Map<string, string[]>(Object.entries({
  id: ["identification", "identity card"],
  ebike: ["electric bike", "electric bicycle"],
  escooter: ["electric scooter"],
  app: ["application"],
  admin: ["administration", "administrator"],
  uni: ["university"],
  doc: ["document", "documentation"],
  spec: ["specification"],
  dept: ["department"],
  govt: ["government"],
  approx: ["approximately"],
  appt: ["appointment"],
  mins: ["minutes"],
  hrs: ["hours"],
  yr: ["year"],
  tel: ["telephone"],
  qty: ["quantity"],
  mgr: ["manager"],
  uk: ["united kingdom"],
  usa: ["united states"],
  eu: ["european union"],
}));

// The other way round: "identification" is found in "photo ID". A full form of several words is not reversed here
// ("electric bike" is two words a question asks one by one).
const FULL_FORMS = new Map<string, string[]>();
for (const [short, full] of SHORT_FORMS) {
  for (const words of full) if (!words.includes(" ")) FULL_FORMS.set(words, [...(FULL_FORMS.get(words) ?? []), short]);
}

/** A word as the lists name it: lower case, hyphens left out ("e-bike" → "ebike"). */
const keyOf = (word: string) => word.toLowerCase().replace(/-/g, "");

/** What a word stands for, or is the short form of; empty when neither. */
function otherForms(word: string): string[] {
  const key = keyOf(word);
  return shortFormOf(key) ?? FULL_FORMS.get(key) ?? FULL_FORMS.get(key.replace(/s$/, "")) ?? [];
}

/** What a short form (its key, or its key's singular: "docs") stands for; undefined for any other word. */
function shortFormOf(key: string): string[] | undefined {
  return SHORT_FORMS.get(key) ?? SHORT_FORMS.get(key.replace(/s$/, ""));
}

/** The thesaurus, with a short form's full words among its synonyms and the other way round. */
export function withShortForms(thesaurus: Thesaurus): Thesaurus {
  return withMoreSynonyms(thesaurus, otherForms);
}

// A word as a question writes it, a hyphenated one whole ("e-bike").
const WORD = /\p{L}+(?:-\p{L}+)*/gu;

/**
 * How keyword search should see a question: with what each short form it uses stands for, which a document may spell
 * out ("Do I need ID?" finds "Deposit and identification"). Not the other way round: a short form is rare, and "what
 * year" searched for "yr" too would rank first whatever passage happens to write it.
 */
export function withFullForms(question: string): string {
  const more = [...question.matchAll(WORD)].flatMap(([word]) => shortFormOf(keyOf(word)) ?? []);
  return more.length ? `${question} ${[...new Set(more)].join(" ")}` : question;
}
