/**
 * @module deferrals
 * Where a text says a value is published, or that it is not known yet, rather than what it is. Such a clause gives no
 * value of the kind asked for (answer-type.ts reads the rest of the sentence without it), and a sentence that says no
 * more than where the asked thing is published answers only where to look.
 */
import { words } from "../retrieval/tokenize.js";

// What is not yet known, and when it will be: "Summer intensives: dates will be published in March 2026" says no date
// of the intensives (it had answered "When do the summer intensives start in 2026?", 0.83), "prices to be confirmed
// by 1 May" no price, "Dates for Open Studios 2026 will be announced in January 2026" no date of the festival (it had
// answered "when is open studios 2026", 0.77). A value said of the thing itself still counts: "results will be
// published on 14 August".
// Nor where such values are put up, each time ("Summer session hours are reduced and posted on RecConnect each May",
// "special opening hours are posted in the window in early November": no hours of the climbing wall in summer, nor the
// shop's at Christmas, had answered 0.79 and 0.86). Unless that is what the question asks: "when are the results posted".
// Put up where people look, and how often it is ("usually", "always"): said of values here, and of anything in PUBLISHED_SOMEWHERE.
const PUT_UP = "published|posted|announced|displayed|advertised|put up";
const HABITUALLY = "usually|normally|always|also";
const DEFERRED = new RegExp(
  String.raw`\b(?:dates?|details?|times?|timings?|hours|information|info|timetables?|schedules?|programmes?|programs?|prices?|fees?|costs?|rates?)(?:\s+(?:for|of)(?:\s+[\p{L}\p{N}'’&-]+){1,4}?)?\s+(?:(?:(?:will|would|are to|is to|should) be|to be|are being)\s+(?:published|announced|confirmed|released|posted|shared|circulated|sent|emailed|set|agreed|decided|advised|made available)\b[^.;!?]*|(?:is|are)\s+(?:[\p{L}-]+\s+and\s+)?(?:(?:${HABITUALLY})\s+)?(?:${PUT_UP})\s+(?:on|in|at|by|each|every)\b[^.;:!?]*)`,
  "giu",
);
const ASKS_OF_PUBLISHING = /^(?:publish|published|post|posted|announce|announced|release|released|display|displayed|advertise|advertised|out|confirmed|confirm)$/;

// Whatever is published, somewhere named (the noticeboard, our website, each month's newsletter), not on a date
// ("released on March 8"): "Hours during winter break, spring break and the summer are posted on the RecConnect
// calendar" had answered "what are the climbing wall hours over the summer" (0.78), and "Office opening times over bank
// holidays are displayed on the noticeboard at reception" "is the storage office open on bank holiday mondays" (0.84).
const PUBLISHED_SOMEWHERE = new RegExp(
  String.raw`\b(?:is|are|will be|be|gets?)\s+(?:(?:${HABITUALLY}|then)\s+)?(?:${PUT_UP}|listed|shown|circulated)\s+(?:on|in|at)\s+(?:the|our|your|its|their|each|every|a|an)\b`,
  "iu",
);
// A sentence with a number says a value beside where it is published: "A season parking permit costs £60 and must be displayed on the dashboard".
const DIGIT = /\d/u;
// Where, how (to find out, will I know) or which website: what a pointer to where it is published answers.
const ASKS_WHERE_TO_LOOK = /\b(?:where|how|website|site|find out|know)\b/iu;

const asksOfPublishing = (questionWords: Iterable<string>) => [...questionWords].some((word) => ASKS_OF_PUBLISHING.test(word));

/** The text without its clauses saying a value will be published or where values are put up, unless the question asks about publishing. */
export function withoutDeferredValues(text: string, questionWords: ReadonlySet<string>): string {
  return asksOfPublishing(questionWords) ? text : text.replace(DEFERRED, " ");
}

/** Whether the question asks for something a sentence saying only where it is published does not give. */
export function asksForWhatIsPublished(question: string): boolean {
  return !ASKS_WHERE_TO_LOOK.test(question) && !asksOfPublishing(words(question));
}

/** Whether the sentence says only where something is published: no value beside it. */
export function defersElsewhere(text: string): boolean {
  return PUBLISHED_SOMEWHERE.test(text) && !DIGIT.test(text);
}
