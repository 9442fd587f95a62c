/**
 * @module qualified
 * A thing the question names bare is not answered by a text naming it only early or late: "Early check-in from 12
 * noon can be arranged for £25" says when early check-in is, not when check-in is ("What time is check-in?", which
 * the page's "Rooms are ready from 3:00pm" under "Check-in" answers), "Late fees are £5" says no fee of joining, and
 * "late opening on Thursdays until 9pm" is not when the shop shuts. A question saying early or late asks of that.
 */
import { terms } from "../retrieval/tokenize.js";

const QUALIFIERS = "early|earlier|late|later";
const QUALIFIER = new RegExp(String.raw`\b(?:${QUALIFIERS})\b`, "iu");
// A qualifier and the word it makes another thing of: "early check-in", "late-night opening", "late fees". Not "Early
// Years", the name of a child's first stage of schooling, which a nursery's funding and fees are said of.
const QUALIFIED = new RegExp(String.raw`\b(?:${QUALIFIERS})(?:[\s-]+night)?[\s-]+(?!years?\b)(\p{L}+)`, "giu");

/** For a question naming no qualifier: whether a text names a term of it only qualified, early or late. */
export function namesOnlyQualified(question: string): (text: string) => boolean {
  if (QUALIFIER.test(question)) return () => false;
  const asked = new Set(terms(question));
  return (text) => {
    const qualified = new Map<string, number>();
    for (const [, word] of text.matchAll(QUALIFIED)) {
      const [term] = terms(word!);
      if (term !== undefined && asked.has(term)) qualified.set(term, (qualified.get(term) ?? 0) + 1);
    }
    if (!qualified.size) return false;
    const said = terms(text);
    return [...qualified].some(([term, times]) => said.filter((t) => t === term).length <= times);
  };
}
