/**
 * @module periods
 * The period a price, a pass or a limit is counted by: an hour, a day (or a night), a week, a month, a quarter, a year.
 * "Parents and carers of inpatients can buy a weekly concession pass for £10" says no price of a monthly pass, and "£9
 * per day" no hourly rate. A text naming the question's period among others ("£12 a month or £120 a year") may answer.
 */
import { namedBy, namesAnother } from "./alternatives.js";

// Each period as an adjective ("monthly"), after "per", "a", "each" or "every" ("£9 per day"), or abbreviated after a
// sum or a slash ("$4/mo", "£650 pcm", "£40 p.a."). A day and a night are one period: lodgings are priced per night.
// "A Year 4 child" is in a school year, not counting by one.
const PERIODS = [
  /\bhourly\b|\b(?:per|an?|each|every)\s+hour\b|\/\s?hr\b/iu,
  /\b(?:daily|nightly)\b|\b(?:per|a|each|every)\s+(?:day|night)\b|\/\s?(?:day|night)\b/iu,
  /\bweekly\b|\b(?:per|a|each|every)\s+week\b|\/\s?wk\b|\bpw\b/iu,
  /\bfortnightly\b|\b(?:per|a|each|every)\s+fortnight\b/iu,
  /\bmonthly\b|\b(?:per|a|each|every)\s+(?:calendar\s+)?month\b|\/\s?mo(?:nth)?\b|\bpcm\b/iu,
  /\bquarterly\b|\b(?:per|a|each|every)\s+quarter\b/iu,
  /\b(?:yearly|annual(?:ly)?)\b|\b(?:per|a|an|each|every)\s+(?:year(?!\s*\d)|annum)\b|\/\s?(?:yr|year)\b|\bp\.?a\.?(?=\s|$)/iu,
];

/** For a question naming a period ("monthly parking pass price"): whether a text names only others ("a weekly pass for £10"). */
export const namesAnotherPeriod = namesAnother(namedBy(PERIODS));
