/**
 * Text that made the answer path take quadratic time (issue 16, item 1): a
 * long run of sentence punctuation in a quoted sentence or in a model answer.
 * The bounds are far above what the linear code needs and far below what the
 * quadratic patterns took, so they tell the two apart on any machine.
 */
import { describe, expect, it } from "vitest";
import type { SentenceEvidence } from "../../src/answer/evidence.js";
import { ExtractiveAnswerer } from "../../src/answer/extractive.js";
import { holdsAnswerType } from "../../src/answer/answer-type.js";
import { verifyCitations } from "../../src/answer/verify-citations.js";
import { terms } from "../../src/retrieval/tokenize.js";
import { withoutPleasantries } from "../../src/answer/pleasantries.js";
import { synonymTerms } from "../../src/answer/synonyms.js";
import { WordNet } from "../../src/answer/wordnet.js";
import { assessmentOf, passagesOf } from "./passages.js";

const DOTS = ".".repeat(30_000);

function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  return Promise.resolve(work()).then((value) => ({ value, ms: performance.now() - started }));
}

describe("answering over pathological text", () => {
  it("When a sentence is one 60,000-character word, Then whether it holds a contact detail or a date is read at once", async () => {
    const word = "a".repeat(60_000);
    const { value, ms } = await timed(() => (["email", "phone", "url", "date"] as const).map((type) => holdsAnswerType(word, type)));
    expect(value).toEqual([false, false, false, false]);
    expect(ms).toBeLessThan(1000);
  });

  it("When a sentence is 25,000 numbers joined by commas, Then whether it says how long is read at once", async () => {
    // Tried from the digit after every comma, the length pattern took 5 s for this.
    const { value, ms } = await timed(() => holdsAnswerType("1,".repeat(25_000), "length"));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(1000);
  });

  it("When a document holds one 60,000-letter word, Then its terms are read at once, its contractions undone as anywhere", async () => {
    // Undoing "n't" had been tried from every letter of the word: 3.5 s for this one.
    const { value, ms } = await timed(() => terms(`${"a".repeat(60_000)} don't`));
    expect(value).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it("When a question holds a run of 30,000 spaces or dots, or a 30,000-letter word, Then its pleasantries and synonyms are read at once", async () => {
    // Thanks and "please" had been looked for from every position of the run: 20 s for 50,000 spaces. (The API takes
    // questions of 2,000 characters at most; the function itself has no bound.)
    const spaces = await timed(() => withoutPleasantries(`Where is it${" ".repeat(30_000)}x, thanks`));
    expect(spaces.value).toBe(`Where is it x`);
    const dots = await timed(() => withoutPleasantries(`Where is it${". ".repeat(15_000)}x please`));
    expect(dots.value.endsWith("x")).toBe(true);
    // A hyphenated word had been looked for from every letter of a long word.
    WordNet.bundled();
    const word = await timed(() => synonymTerms(`What is ${"a".repeat(30_000)}?`, WordNet.bundled()));
    expect(word.value(new Set())).toEqual([]);
    expect(spaces.ms + dots.ms + word.ms).toBeLessThan(1000);
  });

  it("When the sentence to quote holds a run of 30,000 dots, Then it is cited at once", async () => {
    const text = `The forum met in Hangzhou${DOTS} and Paris`;
    const evidence = [{ n: 1, source: "doc.txt", section: "", listItem: false, start: 0, end: text.length, text, coverage: 1, score: 1 } as SentenceEvidence];
    const { value, ms } = await timed(() => new ExtractiveAnswerer().answer({ question: "Where?", passages: [], evidence, assessment: assessmentOf() }));
    expect(value.answer).toBe(`${text} [1]`);
    const ending = await new ExtractiveAnswerer().answer({ question: "Where?", passages: [], evidence: [{ ...evidence[0]!, text: `In Hangzhou${DOTS}` }], assessment: assessmentOf() });
    expect(ending.answer).toBe(`In Hangzhou [1]${DOTS}`);
    expect(ms).toBeLessThan(1000);
  });

  it("When a model answer holds a 30,000-dot run after an uncited sentence, Then it is checked and re-cited at once", async () => {
    const passages = passagesOf("The forum took place in Hangzhou, China.");
    const { value, ms } = await timed(() => verifyCitations(`The forum took place in Hangzhou${DOTS}x`, passages));
    expect(value.answer).toContain("Hangzhou");
    expect(value.answer).toContain("[1]");
    expect(ms).toBeLessThan(1000);
  });
});
