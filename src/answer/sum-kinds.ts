/**
 * @module sum-kinds
 * A sum of a kind apart from a thing's price: a deposit, an excess, a fine, a surcharge … A question asking for one
 * ("How much is the deposit for a full day session?") is answered only by a text naming that kind: "Full day session:
 * £650 for roughly six hours of tattooing" prices the session (0.83 had answered the deposit with it), under a heading,
 * "Prices and deposits", that names prices too. A heading naming the kind and no price ("Deposits") names it for the
 * lines under it. Read for a question asking for a sum only.
 */

const SUM_KINDS = [/\bdeposits?\b/iu, /\bexcess(?:es)?\b/iu, /\bfine[sd]?\b/iu, /\bsurcharges?\b/iu, /\bsupplements?\b/iu, /\bbonds?\b/iu, /\bpenalt(?:y|ies)\b/iu, /\bpremiums?\b/iu];
const PRICE_WORDS = /\b(?:prices?|costs?|fees?|charges?|rates?|tariffs?|fares?)\b/iu;

/**
 * For a question asking for a sum: whether a text (`heading`: the heading of its section) names no kind of sum the
 * question asks for, where it asks for one.
 */
export function namesNoSumKindAsked(question: string): (text: string, heading?: string) => boolean {
  const asked = SUM_KINDS.filter((kind) => kind.test(question));
  if (!asked.length) return () => false;
  const names = (text: string) => asked.some((kind) => kind.test(text));
  return (text, heading) => !names(text) && !(heading !== undefined && names(heading) && !PRICE_WORDS.test(heading));
}
