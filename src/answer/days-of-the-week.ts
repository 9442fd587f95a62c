/**
 * @module days-of-the-week
 * A day of the week is found in the part of the week it falls in: people ask "Are you open on Saturday?" where opening
 * hours say "at weekends", and "on Tuesday" where they say "on weekdays" or "Monday to Friday"; and the part of the
 * week in its days: "at the weekend" where they say "Saturday and Sunday". Written by hand, not
 * read from WordNet: WordNet's Saturday is a "weekday" (any day but Sunday), which is not what opening hours mean.
 */
import { withDaysSpeltOut } from "../retrieval/tokenize.js";
import { namedInCycle, namesAnother } from "./alternatives.js";
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
  // And back: "gym opening hours at the weekend" are said by "Saturday and Sunday: 8am – 8pm", which had held no word
  // of it, and "Use the gym … plus all day at weekends", an off-peak membership's hours, was quoted (0.87).
  if (day === "weekend") return ["saturday and sunday", "saturday to sunday"];
  if (day === "weekday" || day === "week day") return ["monday to friday"];
  // A range counts when it names both ends: "Monday to Friday" holds Tuesday.
  if (WORKING_DAYS.has(day)) return ["weekday", "monday to friday"];
  return [];
}

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DAY = String.raw`(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?`;
// "Monday to Friday", "Tuesday–Saturday", "Thursday through Sunday": every day from the first to the last.
const DAY_RANGE = new RegExp(String.raw`\b${DAY}\s*(?:to|until|till|through|thru|[–-])\s*${DAY}\b`, "giu");
const ONE_DAY = new RegExp(String.raw`\b${DAY}\b`, "giu");
const EVERY_DAY = /\b(?:daily|every ?day|each day|(?:7|seven) days)\b/iu;
const PARTS_OF_THE_WEEK: [RegExp, number[]][] = [
  [/\bweekends?\b/iu, [5, 6]],
  [/\bweek ?days\b/iu, [0, 1, 2, 3, 4]],
];

// A bank or public holiday is a day of its own, outside the cycle: "bank holiday opening hours" are not said by
// "Monday to Friday: 9:30am – 6:00pm", though the holiday falls on a Monday. Every day includes it.
// "Bank holiday Monday" is the holiday, not any Monday: "gym opening hours bank holiday monday" is not answered by
// "Monday to Friday: 6:00am – 10:00pm".
const HOLIDAY = 7;
const NAMES_HOLIDAY = /\b(?:bank|public|national) holidays?\b/iu;
const HOLIDAY_ON_A_DAY = new RegExp(String.raw`(${NAMES_HOLIDAY.source})\s+${DAY}`, "giu");

/**
 * The days of the week a text names (0 is Monday): by name or a timetable's short name ("Mon-Thu"), by range, as a part
 * of the week, or every day; a bank holiday is 7.
 */
function daysNamed(written: string): Set<number> {
  const text = withDaysSpeltOut(written);
  if (EVERY_DAY.test(text)) return new Set([...DAYS.keys(), HOLIDAY]);
  const holiday = NAMES_HOLIDAY.test(text);
  const named = namedInCycle(text.replace(HOLIDAY_ON_A_DAY, " "), DAYS, ONE_DAY, DAY_RANGE, PARTS_OF_THE_WEEK);
  if (holiday) named.add(HOLIDAY);
  return named;
}

/**
 * For a question that names a day of the week ("minimum number of guests for a Friday wedding", "what time does the
 * café close on Thursday"): whether a text names only other days ("On Saturdays between May and September we ask for a
 * minimum of 60 adult guests", "Sunday: 11 a.m. to 5 p.m."). It answers for another day. A text naming no day, or the
 * day asked about within a range or a part of the week, may answer.
 */
export const namesAnotherDay = namesAnother(daysNamed);
