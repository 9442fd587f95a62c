import { describe, expect, it } from "vitest";
import { BM25_GRID, fitBm25, goldInTop } from "../../src/eval/bm25-fit.js";
import { chunkOf } from "../helpers/publish-chunks.js";
import type { QaQuestion } from "../../src/eval/qa-sets.js";

const question = (id: string, text: string, goldSource: string): QaQuestion => ({ id, question: text, answerable: true, answers: [], goldSource, split: "fit" });

describe("BM25 parameters fitted on fit questions", () => {
  it("When the gold documents name the question in their title and distractors repeat it in their body, Then the fit picks the largest heading boost and reports every candidate", () => {
    // Each gold chunk is titled with the question's words; each distractor repeats them in a long body.
    const topics = ["vitamin deficiency", "glacier retreat", "coral bleaching"];
    const chunks = topics.flatMap((topic, i) => [
      { ...chunkOf(`gold${i}`, "A short study of the matter at hand."), title: topic },
      chunkOf(`noise${i}`, `${topic} ${topic} ${topic} appear here among many other words about unrelated events that fill a long text body.`),
    ]);
    const questions = topics.map((topic, i) => question(`q${i}`, topic, `gold${i}.txt`));
    const fit = fitBm25([{ name: "toy", chunks, documents: new Map(), score: goldInTop(questions, 1) }]);

    expect(fit.candidates).toHaveLength(BM25_GRID.k1.length * BM25_GRID.b.length * BM25_GRID.headingBoost.length);
    expect(fit.params.headingBoost).toBe(Math.max(...BM25_GRID.headingBoost));
    const best = fit.candidates.find((c) => c.params === fit.params)!;
    expect(best.scores.toy).toBe(1);
    expect(Math.min(...fit.candidates.map((c) => c.scores.toy!))).toBeLessThan(1);
  });
});
