/**
 * @module days-of-the-week
 * A day of the week is found in the part of the week it falls in: people ask "Are you open on Saturday?" where opening
 * hours say "at weekends", and "on Tuesday" where they say "on weekdays" or "Monday to Friday". Written by hand, not
 * read from WordNet: WordNet's Saturday is a "weekday" (any day but Sunday), which is not what opening hours mean.
 */
import { type Thesaurus, withMoreSynonyms } from "./synonyms.js";

const WORKING_DAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday"]);
const WEEKEND_DAYS = new Set(["saturday", "sunday"]);

/** The thesaurus, with the parts of the week ("weekend", "weekday", "Monday to Friday") among a day's synonyms. */
export function withDaysOfTheWeek(thesaurus: Thesaurus): Thesaurus {
  return withMoreSynonyms(thesaurus, partsOfTheWeek);
}

function partsOfTheWeek(word: string): string[] {
  const day = word.toLowerCase().replace(/s$/, "");
  if (WEEKEND_DAYS.has(day)) return ["weekend"];
  // A range counts when it names both ends: "Monday to Friday" holds Tuesday.
  if (WORKING_DAYS.has(day)) return ["weekday", "monday to friday"];
  return [];
}
