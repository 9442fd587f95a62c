/** Passages built from plain strings, for unit tests of the answer stage. */
import { type Assessment, decisionFeatures } from "../../src/answer/decision.js";
import type { RankingModel } from "../../src/answer/evidence.js";
import type { Passage } from "../../src/answer/types.js";

export function passagesOf(...texts: string[]): Passage[] {
  let offset = 0;
  return texts.map((text, i) => {
    const start = offset;
    offset += text.length + 2;
    return {
      n: i + 1,
      score: 1 - i / 10,
      chunk: { id: `doc.txt#${i}`, source: "doc.txt", title: "Doc", headingPath: [], text, start, end: start + text.length },
    };
  });
}

/** An assessment saying the evidence answers (or, with "uncertain", only points near) the question. */
export function assessmentOf(outcome: "answered" | "uncertain" = "answered"): Assessment {
  return { features: decisionFeatures([], []), relevance: 1, confidence: outcome === "answered" ? 1 : 0.3, outcome };
}

/** A ranking that counts term coverage and similarity and marks down a sentence without the kind of answer asked for, as unit tests expect. */
export const TEST_RANKING: RankingModel = { intercept: -3, weights: { coverage: 3, similarity: 2, typeMismatch: -1.5 } };
