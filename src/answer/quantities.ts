/**
 * @module quantities
 * A count the question gives of a thing, to say which one it means ("a 12 seat passenger van", "the 2-bedroom flat"),
 * is answered by a text giving that count, not by one giving only another: "Seats: 8; Daily rate: $119" is the price
 * of another vehicle than the 12-seater asked about. A limit or a range ("up to 8 seats", "more than 30 miles", "8–12
 * seats") may hold the count asked about, so it names no other; nor does a question asking whether ("Can I bring 3
 * guests?"), which a limit answers. Sums of money are sums.ts's.
 */
import { terms } from "../retrieval/tokenize.js";
import { anyOf, AT_LEAST_WORDS, AT_MOST_WORDS } from "./limit-words.js";
import { asksWhether } from "./synonyms.js";

// A number and the word after it: "12 seat", "2-bedroom", "3 guests", "the 20th century", or the unit of measure
// written on to it: "6mm birch ply" is not priced by "3 mm birch ply, 600 x 400 mm sheet: $4.00" (0.80). Not a sum
// ("£12 per seat"), nor a decimal's part.
const UNITS_WRITTEN_ON = "mm|cm|m|km|kg|g|mg|ml|l|gb|mb|tb|kw|kwh|w|v|ft|oz|lbs?";
const COUNTED = new RegExp(
  String.raw`(?<![\p{L}\d.,:$€£¥₹])(\d+(?:\.\d+)?)(?:(?:st|nd|rd|th)?(?![\p{L}\d.,:])[\s-]*(\p{L}+)|(${UNITS_WRITTEN_ON})(?![\p{L}\d]))`,
  "giu",
);
// A word and the number after it: "Seats: 8", "Bedrooms: 2". Not a count ending a label ("empty for between 5 and 10
// years: 200% premium" gives no 200 years, and had made the 5-to-10-year band another record for "empty house 6
// years premium"), nor a share.
const LABELLED = /(?<!\p{L})(?<!\d[\s-]*)(\p{L}+)\s*:\s*(\d+(?:\.\d+)?)(?![\d.,:%])/gu;
// Before a number, what makes it a limit or a range's end: "up to 8", "more than 30", "8–12", "8 or 12".
const LIMIT_BEFORE = new RegExp(String.raw`(?:\b(?:${anyOf([...AT_LEAST_WORDS, ...AT_MOST_WORDS, "between", "and", "or", "to"])})\s*|[–—-]\s*)$`, "iu");
// After a count, what makes it one: "12 seats or more", "8+ seats".
const LIMIT_AFTER = /^\s*(?:\+|or (?:more|fewer|less|over|under)\b|and (?:over|above|under)\b|max\b)/iu;

interface Count {
  thing: string;
  value: number;
}

/** The counts a question gives, each of the thing named after it ("12 seat" → seat, 12). */
function countsGiven(question: string): Count[] {
  return [...question.matchAll(COUNTED)].flatMap(([, value, word, unit]) => {
    const [thing] = terms((word ?? unit)!);
    return thing === undefined ? [] : [{ thing, value: Number(value) }];
  });
}

/** The exact counts a text gives of `things`, limits and ranges left out. */
function countsOf(text: string, things: ReadonlySet<string>): Count[] {
  const exact = (at: number, end: number) => !LIMIT_BEFORE.test(text.slice(Math.max(0, at - 15), at)) && !LIMIT_AFTER.test(text.slice(end));
  const counted = [...text.matchAll(COUNTED)].flatMap((match) => {
    const [thing] = terms((match[2] ?? match[3])!);
    return thing !== undefined && things.has(thing) && exact(match.index, match.index + match[1]!.length) ? [{ thing, value: Number(match[1]) }] : [];
  });
  const labelled = [...text.matchAll(LABELLED)].flatMap((match) => {
    const [thing] = terms(match[1]!);
    const at = match.index + match[0].length - match[2]!.length;
    return thing !== undefined && things.has(thing) && !LIMIT_AFTER.test(text.slice(at + match[2]!.length)) ? [{ thing, value: Number(match[2]) }] : [];
  });
  return [...counted, ...labelled];
}

/** For a question giving a count of a thing: whether a text gives only other counts of it. */
export function namesAnotherQuantity(question: string): (text: string) => boolean {
  const given = asksWhether(question) ? [] : countsGiven(question);
  if (!given.length) return () => false;
  const things = new Set(given.map((count) => count.thing));
  return (text) => {
    const said = countsOf(text, things);
    return said.length > 0 && !said.some((count) => given.some((asked) => asked.thing === count.thing && asked.value === count.value));
  };
}
