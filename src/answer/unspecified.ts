/**
 * @module unspecified
 * "Which X" asks which one. A text naming the X only as one of some, unspecified — after "a", "the", "our", "local",
 * "a different" — does not say which: "Payments are made through our bounty platform partner" (0.80 for "which
 * bounty platform do you pay through"), "apples and pears from local orchards" (0.76 for "which orchard do the apples
 * come from"), "run by a different section each week" (0.88 for "which section is doing the teas this thursday"). A
 * text naming it with what tells it apart answers ("Use only Class 15 bobbins", "the blue bin", "A regulatory site"),
 * as does one that does not name it at all ("registered with the Tenancy Deposit Guard" for "Which scheme …?"). Not
 * for a question asking for a value: "the day before collection" says which day.
 */
import { terms, words } from "../retrieval/tokenize.js";
import { type AnswerType, isValue } from "./answer-type.js";

// The thing asked which of: the word after "which", and the next if it is no verb, pronoun or preposition ("which
// bounty platform do you pay through", "which orchard do the apples come from").
const WHICH = /\bwhich\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu;
const NOT_OF_THE_THING = /^(?:is|are|was|were|do|does|did|can|could|should|will|would|has|have|had|i|you|we|they|it|he|she|my|your|our|the|a|an|of|in|on|at|to|for|from|with|by|one|ones)$/;
// Words naming one of some without saying which.
const UNSPECIFIED = new Set(
  "a an the our your their its his her my each every any another other different same local some certain various several selected participating usual nearest nearby".split(" "),
);

/** For a question asking which of a thing: whether a text names the thing only unspecified. */
export function namesOnlyUnspecified(question: string, type: AnswerType): (text: string) => boolean {
  const which = isValue(type) ? null : WHICH.exec(question);
  if (!which) return () => false;
  const [, first, second] = which;
  const thing = terms([first, second !== undefined && !NOT_OF_THE_THING.test(second.toLowerCase()) ? second : ""].join(" "));
  if (!thing.length) return () => false;
  return (text) => {
    const said = words(text);
    const stems = said.map((word) => terms(word)[0]);
    const at: number[] = [];
    for (let i = 0; i + thing.length <= said.length; i++) if (thing.every((t, j) => stems[i + j] === t)) at.push(i);
    return at.length > 0 && at.every((i) => i > 0 && UNSPECIFIED.has(said[i - 1]!));
  };
}
