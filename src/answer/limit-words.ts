/**
 * @module limit-words
 * The words that put a number at one end of a range: "over £40", "at least 3 nights", "up to 8 seats". One list for
 * every module reading limits (sums.ts's bands, quantities.ts's counts, bounds.ts's sides of a bound), so that a word
 * read as a limit by one is read as one by all.
 */

/** Words putting a number at or above a bound. */
export const AT_LEAST_WORDS = ["over", "above", "more than", "at least", "minimum of", "minimum", "min"];
/** Words putting a number at or below a bound. */
export const AT_MOST_WORDS = ["under", "below", "less than", "fewer than", "up to", "at most", "not more than", "maximum of", "maximum", "max"];

/**
 * The words as a regular expression's alternatives, longest first (so "minimum of" is read before "minimum"), each
 * escaped: "+" is a word here ("5+ people").
 */
export const anyOf = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
