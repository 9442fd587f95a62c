/**
 * @module bounds
 * A question asking about one side of a bound ("after the first 2 hours", "turnover over £90,000", "before 6") is not
 * answered by a text about the other side of the same bound only: "free for first 2 hrs" says nothing of the price
 * after them, "Sole trader return (turnover up to £90,000): £295" nothing of the fee over it, "£3.50 after 6pm" nothing
 * of the day rate. Questions asking whether are left out: "Can I return it after 30 days?" is answered by "within 30
 * days".
 */
import { terms } from "../retrieval/tokenize.js";
import { asksWhether } from "./synonyms.js";

type Side = "above" | "below";

interface Bound {
  side: Side;
  value: number;
  /** The unit after the number ("hour", "pm"), the currency sign before it, or "" for none. */
  unit: string;
}

const ABOVE_WORDS = new Set(["after", "over", "more than", "above", "beyond", "longer than", "later than", "exceeding"]);
// A number after a word putting it above or below ("over £90,000", "before 6pm", "up to 14 days").
const COMPARED =
  /\b(after|over|more than|above|beyond|longer than|later than|exceeding|before|up to|under|less than|fewer than|below|within|until|till)\s+(?:the\s+)?(?:first\s+)?([$€£¥₹])?(\d[\d,]*(?:\.\d+)?)(?:\s*(\p{L}+))?/giu;
// The first of something, or after it ("for the first 2 hrs", "first month free", "after the first month").
const FIRST = /\b(after\s+)?(?:the\s+)?first\s+(?:(\d+)\s*)?(\p{L}+)/giu;
// Short forms of units of time, as their word. A Map: in an object, "5 constructor" had looked up Object's constructor
// and thrown.
const UNIT_WORDS = new Map(Object.entries({ hr: "hour", hrs: "hour", min: "minute", mins: "minute", sec: "second", secs: "second", wk: "week", wks: "week", mth: "month", mths: "month", yr: "year", yrs: "year" }));

const unitOf = (word: string | undefined) => (word ? (terms(UNIT_WORDS.get(word.toLowerCase()) ?? word)[0] ?? "") : "");

/** The bounds a text names, each with the side it is on. */
function boundsNamed(text: string): Bound[] {
  const compared = [...text.matchAll(COMPARED)].map(([, word, currency, digits, unit]) => ({
    side: ABOVE_WORDS.has(word!.toLowerCase().replace(/\s+/g, " ")) ? ("above" as const) : ("below" as const),
    value: Number(digits!.replace(/,/g, "")),
    unit: currency ?? unitOf(unit),
  }));
  const first = [...text.matchAll(FIRST)].map(([, after, digits, unit]) => ({
    side: after ? ("above" as const) : ("below" as const),
    value: digits ? Number(digits) : 1,
    unit: unitOf(unit),
  }));
  return [...compared, ...first];
}

const sameBound = (a: Bound, b: Bound) => a.value === b.value && (a.unit === b.unit || !a.unit || !b.unit);

/** For a question asking about one side of a bound: whether a text names only the other side of it. */
export function namesOtherSide(question: string): (text: string) => boolean {
  const asked = asksWhether(question) ? [] : boundsNamed(question);
  if (!asked.length) return () => false;
  return (text) => {
    const said = boundsNamed(text);
    const onOtherSide = said.some((bound) => asked.some((mine) => sameBound(mine, bound) && mine.side !== bound.side));
    const onMine = said.some((bound) => asked.some((mine) => sameBound(mine, bound) && mine.side === bound.side));
    return onOtherSide && !onMine;
  };
}
