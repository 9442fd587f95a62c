/**
 * @module alternatives
 * Things a question may name one of, where naming another is answering for something else: a day of the week
 * (days-of-the-week.ts), a month or a season (months.ts), a computer's operating system (platforms.ts). "Where is the
 * log file on Windows?" is not answered by "Log file (Linux): /var/log/…", nor a Friday's minimum by Saturday's.
 */

/** Which of a closed set of alternatives a text names, by their numbers. */
export type Alternatives = (text: string) => Set<number>;

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
