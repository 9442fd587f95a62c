/**
 * @module bounds
 * A question asking about one side of a bound ("after the first 2 hours", "turnover over £90,000", "before 6") is not
 * answered by a text about the other side of the same bound only: "free for first 2 hrs" says nothing of the price
 * after them, "Sole trader return (turnover up to £90,000): £295" nothing of the fee over it, "£3.50 after 6pm" nothing
 * of the day rate. Nor is a question giving the asker's own quantity ("we live 10 miles away") answered by a text
 * about only the cases its bounds name that leave it out ("more than 30 miles"). Questions asking whether are left
 * out: "Can I return it after 30 days?" is answered by "within 30 days".
 */
import { terms } from "../retrieval/tokenize.js";
import { anyOf, AT_LEAST_WORDS, AT_MOST_WORDS } from "./limit-words.js";
import { asksWhether } from "./synonyms.js";

type Side = "above" | "below";

interface Bound {
  side: Side;
  value: number;
  /** The unit after the number ("hour", "pm"), the currency sign before it, or "" for none. */
  unit: string;
  /** The bound itself is on its side ("7 or more days" holds 7; "more than 7 days" does not). */
  inclusive?: boolean;
}

// The limits of a range, and the words of time that bound it too ("after 6pm", "within 14 days").
const ABOVE_WORDS = [...AT_LEAST_WORDS, "after", "beyond", "longer than", "later than", "exceeding"];
const BELOW_WORDS = [...AT_MOST_WORDS, "before", "within", "until", "till"];
const ABOVE = new Set(ABOVE_WORDS);
/** The side of a bound the words putting a number there say, "above" when they are among `above`. */
const sideOf = (said: string, above: ReadonlySet<string>): Side => (above.has(said.toLowerCase().replace(/\s+/g, " ")) ? "above" : "below");
const COMPARING = anyOf([...ABOVE_WORDS, ...BELOW_WORDS]);
// A number after a word putting it above or below ("over £90,000", "before 6pm", "up to 14 days").
const COMPARED = new RegExp(String.raw`\b(${COMPARING})\s+(?:the\s+)?(?:first\s+)?([$€£¥₹])?(\d[\d,]*(?:\.\d+)?)(?:\s*(\p{L}+))?`, "giu");
// The first of something, or after it ("for the first 2 hrs", "first month free", "after the first month").
const FIRST = /\b(after\s+)?(?:the\s+)?first\s+(?:(\d+)\s*)?(\p{L}+)/giu;
// Short forms of units of time, as their word. A Map: in an object, "5 constructor" had looked up Object's constructor
// and thrown.
const UNIT_WORDS = new Map(Object.entries({ hr: "hour", hrs: "hour", min: "minute", mins: "minute", sec: "second", secs: "second", wk: "week", wks: "week", mth: "month", mths: "month", yr: "year", yrs: "year" }));

// A number as written, thousands' commas and all ("90,000").
const numberOf = (digits: string) => Number(digits.replace(/,/g, ""));

const unitOf = (word: string | undefined) => (word ? (terms(UNIT_WORDS.get(word.toLowerCase()) ?? word)[0] ?? "") : "");

// A range bounds its cases on both sides: "10 to 20 minutes: £10.00" is above 10 and below 20 minutes, and says nothing
// of more than 20 (0.75 for "what if I'm in the drop off zone for more than 20 minutes").
const RANGE = /\b(?:between\s+([$€£¥₹])?(\d[\d,]*(?:\.\d+)?)\s+and|([$€£¥₹])?(\d[\d,]*(?:\.\d+)?)\s*(?:to|–|—))\s*[$€£¥₹]?(\d[\d,]*(?:\.\d+)?)(?:\s*(\p{L}+))?/giu;

// A number before the words putting it at a bound, itself included: "7 or more days before", "aged 16 or over", "5+
// people", "2 or fewer children".
const ABOVE_AFTER = ["or more", "or over", "and over", "or above", "and above", "or older", "or longer", "or later", "+"];
const BELOW_AFTER = ["or fewer", "or less", "or under", "and under", "or younger", "or below", "or earlier"];
const ABOVE_AFTER_SET = new Set(ABOVE_AFTER);
const COMPARED_AFTER = new RegExp(String.raw`([$€£¥₹])?(\d[\d,]*(?:\.\d+)?)\s*(${anyOf([...ABOVE_AFTER, ...BELOW_AFTER])})(?:\s+(\p{L}+))?`, "giu");

/** The bounds a text names, each with the side it is on. */
function boundsNamed(text: string): Bound[] {
  const ranges = [...text.matchAll(RANGE)].flatMap(([, betweenCurrency, betweenFrom, currency, from, to, unit]) => {
    const named = (betweenCurrency ?? currency) || unitOf(unit);
    return [
      { side: "above" as const, value: numberOf((betweenFrom ?? from)!), unit: named },
      { side: "below" as const, value: numberOf(to!), unit: named },
    ];
  });
  const compared = [...text.matchAll(COMPARED)].map(([, word, currency, digits, unit]) => ({
    side: sideOf(word!, ABOVE),
    value: numberOf(digits!),
    unit: currency ?? unitOf(unit),
  }));
  const first = [...text.matchAll(FIRST)].map(([, after, digits, unit]) => ({
    side: after ? ("above" as const) : ("below" as const),
    value: digits ? Number(digits) : 1,
    unit: unitOf(unit),
  }));
  const after = [...text.matchAll(COMPARED_AFTER)].map(([, currency, digits, words, unit]) => ({
    side: sideOf(words!, ABOVE_AFTER_SET),
    value: numberOf(digits!),
    unit: currency ?? unitOf(unit),
    inclusive: true,
  }));
  return [...compared, ...after, ...first, ...ranges];
}

const sameBound = (a: Bound, b: Bound) => a.value === b.value && (a.unit === b.unit || !a.unit || !b.unit);

// A quantity the question gives of the asker's case, not compared: "we live 10 miles away", "my son is 12 years old".
const GIVEN = new RegExp(
  String.raw`(?<!\b(?:${COMPARING}|first)\s+(?:the\s+)?)\b(\d[\d,]*(?:\.\d+)?)\s*(miles?|km|kilometres?|kilometers?|years?|months?|weeks?|days?|hours?|nights?|people|guests|kg)\b`,
  "giu",
);

// Whether one may, asked anywhere in the question: "my daughter is 15, can she volunteer?" is answered by "Volunteers
// must be 16 or over", the bound her age falls outside.
const ASKS_PERMISSION = /\b(?:can|could|may|allowed|able|old enough|eligible)\b/iu;

/** The quantities a question gives of the asker's own case, each with its unit. */
const quantitiesGiven = (question: string) =>
  [...question.matchAll(GIVEN)].map(([, digits, unit]) => ({ value: numberOf(digits!), unit: unitOf(unit) }));

// Whether a quantity falls outside a bound of its unit: 10 miles is not "more than 30 miles", 40 people not "up to 30".
const outside = (quantity: { value: number; unit: string }, bound: Bound) =>
  bound.unit === quantity.unit &&
  (bound.side === "above" ? quantity.value < bound.value || (!bound.inclusive && quantity.value === bound.value) : quantity.value > bound.value);

/**
 * For a question asking about one side of a bound: whether a text names only the other side of it. For a question
 * giving a quantity of the asker's case ("we live 10 miles away, how much would a room cost us?"): whether a text names
 * only a bound of its unit that the quantity falls outside ("Rooms are free of charge for families who live more than
 * 30 miles from the hospital", which had answered it at 0.81).
 */
export function namesOtherSide(question: string): (text: string) => boolean {
  const whether = asksWhether(question);
  const asked = whether ? [] : boundsNamed(question);
  const given = whether || ASKS_PERMISSION.test(question) ? [] : quantitiesGiven(question);
  if (!asked.length && !given.length) return () => false;
  return (text) => {
    const said = boundsNamed(text);
    const onOtherSide = said.some((bound) => asked.some((mine) => sameBound(mine, bound) && mine.side !== bound.side));
    const onMine = said.some((bound) => asked.some((mine) => sameBound(mine, bound) && mine.side === bound.side));
    const ofUnit = said.filter((bound) => given.some((quantity) => quantity.unit === bound.unit));
    const excluded = ofUnit.length > 0 && ofUnit.every((bound) => given.some((quantity) => outside(quantity, bound)));
    return (onOtherSide && !onMine) || excluded;
  };
}
