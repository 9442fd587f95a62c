/**
 * @module core/answer-calibration
 * The shape of the fitted settings of the answer stage — sentence-ranking
 * weights and the answer decision — as the config carries them from
 * calibration.json to the answer stage. Plain data, in the neutral home, so
 * that the config can hold them without depending on the answer stage.
 */

/** What the decision's models read from the evidence (see answer/decision.ts for each). */
export const DECISION_FEATURES = [
  "coverage",
  "contextCoverage",
  "retrievedCoverage",
  "maxCoverage",
  "similarity",
  "maxSimilarity",
  "typed",
  "typeMatch",
  "novelty",
  "focus",
  "phraseMatch",
  "topScore",
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];

export interface LogisticModel {
  intercept: number;
  weights: Partial<Record<DecisionFeature, number>>;
}

export interface DecisionCalibration {
  /** Did retrieval find anything plausibly about the question? */
  relevance: LogisticModel;
  /** Does the best sentence answer it? */
  confidence: LogisticModel;
  /** Below this relevance: `not_found`, and the answerer is not called. */
  notFoundBelow: number;
  /** At or above this confidence the extractive outcome is `answered`; below it, `uncertain`. */
  answerFrom: number;
}

/** Weights of the answer-sentence ranking score. */
export interface RankingWeights {
  coverage: number;
  contextCoverage: number;
  similarity: number;
  passage: number;
  /** Factor applied to a sentence that lacks the kind of answer asked for. */
  typeMismatch: number;
}
