/**
 * @module designations
 * Places and grades are told apart by a letter or a number after their kind: "Car Park C", "Room 210", "Gate 3",
 * "Band 6", "Level 2". A question naming one is not answered by a text naming only others of its kind: "Car Park C
 * (entrance on Ridgeway Road), which has 410 spaces" had answered "how many spaces in car park D" (0.87). A range or a
 * list names each it spans ("Bands 5 to 7: £21.00" answers "I'm a band 6 nurse, what will parking cost?"). The set is
 * open (any letter or number), so it is read here rather than listed as alternatives.ts's closed sets are.
 */

// Kinds of thing told apart by a letter or a number. Not "year" (a calendar year is a number too), "line" or "page".
const KINDS = "car parks?|parks?|levels?|floors?|rooms?|zones?|gates?|platforms?|blocks?|terminals?|bands?|courts?|pitch(?:es)?|bays?|wings?|wards?|units?|studios?|screens?|halls?|plots?|routes?|buses|bus|stages?|steps?|phases?|tiers?|grades?|lots?|labs?|classrooms?|sections?|lanes?|pools?|fields?";
const DESIGNATOR = String.raw`(?:[A-Z]|\d{1,4}[a-z]?)`;
// A kind and the designators after it, one or a list or a range: "Car Park D", "Courts 1, 2 and 4", "Levels 2 to 4".
const NAMED = new RegExp(String.raw`\b(${KINDS})\s+(${DESIGNATOR}(?:\s*(?:,|and|or|to|&|–|-|—)\s*${DESIGNATOR})*)(?![\p{L}\d])`, "giu");
const JOINER = /\s*(?:,|and|or|&)\s*/iu;
const RANGE = /^(\S+)\s*(?:to|–|-|—)\s*(\S+)$/iu;

/**
 * The kinds a text names by designator, each with the designators it names (a range's spelt out). In a text a letter
 * designates only as a capital ("a car park a mile away" names no car park A); a question is typed in any case, but
 * "a" and "i" there are words ("is parking in zone a problem").
 */
function designated(text: string, typed: boolean): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  for (const [, kind, list] of text.matchAll(NAMED)) {
    const designators: string[] = [];
    for (const part of list!.split(JOINER).map((p) => p.trim())) {
      const range = RANGE.exec(part);
      for (const designator of range ? spanned(range[1]!, range[2]!) : [part]) {
        const letter = /^\p{L}$/u.test(designator);
        if (letter && (typed ? /^[ai]$/.test(designator) : designator !== designator.toUpperCase())) continue;
        designators.push(designator.toLowerCase());
      }
    }
    const key = singular(kind!);
    if (designators.length) named.set(key, new Set([...(named.get(key) ?? []), ...designators]));
  }
  return named;
}

/** Each designator from `first` to `last`, numbers or letters (as written); the two alone when they are of neither kind. */
function spanned(first: string, last: string): string[] {
  if (/^\d+$/.test(first) && /^\d+$/.test(last) && +last >= +first && +last - +first < 500) return Array.from({ length: +last - +first + 1 }, (_, i) => String(+first + i));
  const [a, b] = [first.charCodeAt(0), last.charCodeAt(0)];
  if (/^\p{L}$/u.test(first) && /^\p{L}$/u.test(last) && b >= a && b - a < 26) return Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i));
  return [first, last];
}

/** A kind as one of it: "car parks" is "car park", "pitches" "pitch", "buses" "bus". */
function singular(kind: string): string {
  const lower = kind.toLowerCase().replace(/\s+/gu, " ");
  if (lower.endsWith("ches") || lower === "buses") return lower.slice(0, -2);
  return lower === "bus" ? lower : lower.replace(/s$/u, "");
}

/** For a question naming a car park, room, band … by its letter or number: whether a text names only others of that kind. */
export function namesAnotherDesignation(question: string): (text: string) => boolean {
  const asked = designated(question, true);
  if (!asked.size) return () => false;
  return (text) => {
    const said = designated(text, false);
    return [...asked].some(([kind, mine]) => {
      const theirs = said.get(kind);
      return theirs !== undefined && ![...mine].some((d) => theirs.has(d));
    });
  };
}
