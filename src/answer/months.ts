/**
 * @module months
 * The months of the year a question or a text names, by name, by range ("between May and September", "April to
 * October") or by season ("in winter"): timetables and prices that change with the year say "Summer (April–September):
 * 8am to 8pm". Seasons are the northern hemisphere's; "spring" and "fall" are left out, as often a spring or to fall.
 */
import { namedInCycle, namesAnother } from "./alternatives.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
// "may" only with its capital: in lower case it is as often the verb ("may I bring a dog?").
const MONTH = String.raw`(january|february|march|april|May|june|july|august|september|october|november|december)`;
const MONTH_RANGE = new RegExp(String.raw`\b(?:between\s+)?${MONTH}\s*(?:to|until|till|through|thru|and|[–-])\s*${MONTH}\b`, "gu");
const ONE_MONTH = new RegExp(String.raw`\b${MONTH}\b`, "gu");
const SEASONS: [RegExp, number[]][] = [
  [/\bwinter\b/iu, [11, 0, 1]],
  [/\bsummer\b/iu, [5, 6, 7]],
  [/\bautumn\b/iu, [8, 9, 10]],
];

/** The months a text names (0 is January). Read case-insensitively but for "May". */
function monthsNamed(text: string): Set<number> {
  const folded = text.replace(/\p{L}+/gu, (word) => (word === "May" ? word : word.toLowerCase()));
  return namedInCycle(folded, MONTHS, ONE_MONTH, MONTH_RANGE, SEASONS);
}

/**
 * For a question naming a month or a season ("what time does the tip shut in winter"): whether a text names only
 * other months ("Summer (April to September): 8am to 8pm").
 */
export const namesAnotherMonth = namesAnother(monthsNamed);
