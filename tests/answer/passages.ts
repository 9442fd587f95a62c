/** Passages built from plain strings, for unit tests of the answer stage. */
import { type Assessment, decisionFeatures } from "../../src/answer/decision.js";
import type { RankingWeights } from "../../src/answer/evidence.js";
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

/** Ranking weights that count term coverage and similarity, as unit tests expect. */
export const TEST_RANKING: RankingWeights = { coverage: 0.75, contextCoverage: 0, similarity: 0.5, passage: 0, typeMismatch: 0.5 };
