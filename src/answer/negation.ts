/**
 * @module negation
 * Whether a question asks what is not so ("What is not covered?", "Which things can't go in the blue bin?"), and
 * whether a sentence, or the headings it stands under, says what is not so. Search and coverage drop "not" as a stop
 * word, so without this "What is not covered?" reads as "What is covered?" and is answered by the cover it sets aside.
 */

// "no" before a number is an abbreviation ("symphony no 40"); "or not" offers both sides ("whether or not").
const ASKS_NOT = /(?<!\bor )\b(?:not|never|cannot)\b|n['’]t\b|\bno\b(?!\.?\s*\d)/iu;
// A sentence also says what is not so by what it leaves out or forbids: "Exclusions", "except", "is prohibited". Not
// "none", a table's value for nothing to pay ("Travel delay | £20 | none" says what is covered).
const SAYS_NOT = new RegExp(`${ASKS_NOT.source}|\\b(?:without|nor|neither|nothing|nobody|except|excluding|exclu(?:ded?|des|sions?)|prohibit\\w*|forbidden|banned|unless)\\b`, "iu");

// "Why can't I bring firewood from home?" asks for the reason, which seldom says "not" ("… because of invasive
// insects"); "Do NOT bring firewood from home" is the question's own premise.
const ASKS_WHY = /\b(?:why|how come)\b/iu;

/** True for a question about what is not so; its answer must say so (saysWhatIsNot). Not for one asking why not. */
export function asksWhatIsNot(question: string): boolean {
  return ASKS_NOT.test(question) && !ASKS_WHY.test(question);
}

/** True for a question asking why (or why not). */
export function asksWhy(question: string): boolean {
  return ASKS_WHY.test(question);
}

/** True when the text says what is not so, what is left out or what is forbidden. */
export function saysWhatIsNot(text: string): boolean {
  return SAYS_NOT.test(text);
}
