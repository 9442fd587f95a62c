/**
 * @module alternatives
 * Things a question may name one of, where naming another is answering for something else: a day of the week
 * (days-of-the-week.ts), a month or a season (months.ts), a computer's operating system (platforms.ts), a release line
 * of software (versions.ts), a sum of money (sums.ts), a count of a thing (quantities.ts), a side of a bound
 * (bounds.ts), the early or late kind of a thing (qualified.ts), whom it is for (audiences.ts), a contact channel
 * (contact-channels.ts), the period a price is counted by (periods.ts), an opposite (opposites.ts), a car park, room or
 * band by its letter or number (designations.ts, an open set). "Where is the log file on Windows?" is not answered by
 * "Log file (Linux): /var/log/…", nor a Friday's minimum by Saturday's.
 */

/** Which of a closed set of alternatives a text names, by their numbers. */
export type Alternatives = (text: string) => Set<number>;

/** The alternatives a text names, each written as one pattern of a list: its place in the list is its number. */
export function namedBy(patterns: readonly RegExp[]): Alternatives {
  return (text) => new Set(patterns.flatMap((pattern, i) => (pattern.test(text) ? [i] : [])));
}

/**
 * For a question naming some of the alternatives: whether a text names only others. A text naming none may still
 * answer, as may one naming the question's among others.
 */
export function namesAnother(named: Alternatives): (question: string) => (text: string) => boolean {
  return (question) => {
    const asked = named(question);
    if (!asked.size) return () => false;
    return (text) => {
      const said = named(text);
      return said.size > 0 && ![...asked].some((alternative) => said.has(alternative));
    };
  };
}

/**
 * The names of a cycle (the days of the week, the months) a text names, by their numbers: one by one (`one`), by range
 * (`range`: its first and last name as groups 1 and 2; "Friday to Monday" wraps round the cycle's end) and by the
 * parts of the cycle `parts` name ("weekend": Saturday and Sunday). `one` and `range` match names as `cycle` spells
 * them, and are global.
 */
export function namedInCycle(text: string, cycle: readonly string[], one: RegExp, range: RegExp, parts: readonly [RegExp, number[]][]): Set<number> {
  const named = new Set<number>();
  const rest = text.replace(range, (_, first: string, last: string) => {
    const to = cycle.indexOf(last.toLowerCase());
    for (let at = cycle.indexOf(first.toLowerCase()); ; at = (at + 1) % cycle.length) {
      named.add(at);
      if (at === to) break;
    }
    return " ";
  });
  for (const [, name] of rest.matchAll(one)) named.add(cycle.indexOf(name!.toLowerCase()));
  for (const [part, partOf] of parts) if (part.test(rest)) partOf.forEach((at) => named.add(at));
  return named;
}
