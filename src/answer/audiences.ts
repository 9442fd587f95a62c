/**
 * @module audiences
 * Whom a price, a rule or a time is for: adults, children, seniors, students, infants, families, a pet's kind, members,
 * residents or guests (each apart from the "non-" of it).
 * Documents give one line per audience ("Adult: £12", "Concessions (over-65s, students): £9"), and people ask for
 * theirs: "For dogs, Wellness Rewards costs $18 per month" says nothing of the price for a cat. Only for a question
 * asking for a value: "who do I speak to if I'm worried about how an adult at the club is treating my son" names no
 * one it asks for, and a toddler's hands on a dishwasher's buttons are no fare. A question asking whether is left out
 * too: "Can children come?" is answered by "Adults only".
 */
import { namedBy, namesAnother } from "./alternatives.js";
import { type AnswerType, isValue } from "./answer-type.js";
import { asksWhether } from "./synonyms.js";

const AUDIENCES = [
  /\b(?:adults?|grown-?ups?)\b/iu,
  /\b(?:child|children|kids?|toddlers?|juniors?|under-?1[0-8]s)\b/iu,
  /\b(?:seniors?|pensioners?|oaps?|over-?(?:60|65)s)\b/iu,
  /\bstudents?\b/iu,
  /\b(?:infants?|bab(?:y|ies))\b/iu,
  /\bfamil(?:y|ies)\b/iu,
  /\b(?:dogs?|pupp(?:y|ies))\b/iu,
  /\b(?:cats?|kittens?)\b/iu,
  /\brabbits?\b/iu,
  // "£110 per hour for all resident artists" says nothing of what the guest artists charge (0.81).
  /(?<!\bnon[- ]?)\bmembers?\b/iu,
  /\bnon[- ]?members?\b/iu,
  /(?<!\bnon[- ]?)\bresidents?\b/iu,
  /\bnon[- ]?residents?\b/iu,
  /\bguests?\b/iu,
];

const namesAnotherOfThem = namesAnother(namedBy(AUDIENCES));

/**
 * For a question naming whom it asks for ("wellness rewards price for a cat"): whether a text names only others.
 * `type`: the question's expected answer type, read once by the caller.
 */
export const namesAnotherAudience = (question: string, type: AnswerType) =>
  asksWhether(question) || !isValue(type) ? () => false : namesAnotherOfThem(question);
