/**
 * @module qualified
 * A thing the question names bare is not answered by a text naming it only early or late: "Early check-in from 12
 * noon can be arranged for £25" says when early check-in is, not when check-in is ("What time is check-in?", which
 * the page's "Rooms are ready from 3:00pm" under "Check-in" answers), "Late fees are £5" says no fee of joining, and
 * "late opening on Thursdays until 9pm" is not when the shop shuts. A question saying early or late asks of that.
 * So is a working animal another kind: "Assistance dogs are, of course, welcome on both boats" says nothing of a pet
 * ("can we bring our dog on the boat", 0.76, where the timetable's "Dogs travel free on leads" answers).
 */
import { terms } from "../retrieval/tokenize.js";

const QUALIFIERS = "early|earlier|late|later";
const WORKING = "assistance|guide|service|hearing|therapy";
const QUALIFIER = new RegExp(String.raw`\b(?:${QUALIFIERS})\b|\b(?:${WORKING})[\s-]+(?:dogs?|animals?)\b`, "iu");
// A qualifier and the word it makes another thing of: "early check-in", "late-night opening", "late fees". Not "Early
// Years", the name of a child's first stage of schooling, which a nursery's funding and fees are said of.
const QUALIFIED = new RegExp(String.raw`\b(?:${QUALIFIERS})(?:[\s-]+night)?[\s-]+(?!years?\b)(\p{L}+)|\b(?:${WORKING})[\s-]+(dogs?|animals?)\b`, "giu");

/** For a question naming no qualifier: whether a text names a term of it only qualified, early or late. */
export function namesOnlyQualified(question: string): (text: string) => boolean {
  if (QUALIFIER.test(question)) return () => false;
  const asked = new Set(terms(question));
  return (text) => {
    const qualified = new Map<string, number>();
    for (const [, early, working] of text.matchAll(QUALIFIED)) {
      const [term] = terms((early ?? working)!);
      if (term !== undefined && asked.has(term)) qualified.set(term, (qualified.get(term) ?? 0) + 1);
    }
    if (!qualified.size) return false;
    const said = terms(text);
    return [...qualified].some(([term, times]) => said.filter((t) => t === term).length <= times);
  };
}
