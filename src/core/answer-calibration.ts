/**
 * @module core/answer-calibration
 * The shape of the fitted settings of the answer stage — the sentence
 * ranking and the answer decision — as the config carries them from
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
  "focusElsewhere",
  "phraseMatch",
  "topScore",
  "topMargin",
  "answerScore",
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];

/**
 * The relevance gate reads only what describes retrieval as a whole — not the
 * one sentence the ranking put first — so that a question retrieval did find
 * is not dropped because its best sentence was worded differently.
 */
export const RELEVANCE_FEATURES = ["retrievedCoverage", "maxCoverage", "maxSimilarity", "topScore"] as const satisfies readonly DecisionFeature[];

/** What the sentence ranking reads from one sentence and its passage (see answer/evidence.ts for each). */
export const SENTENCE_FEATURES = [
  "coverage",
  "contextCoverage",
  "similarity",
  "typeMatched",
  "typeMismatch",
  "novelty",
  "focus",
  "phraseMatch",
  "labelled",
  "passageScore",
  "passageRank",
  "openingSentence",
  "length",
] as const;
export type SentenceFeature = (typeof SENTENCE_FEATURES)[number];

/** P(y) = 1 / (1 + e^−(intercept + Σ weight · feature)); a feature without a weight counts 0. */
export interface LogisticModel<Feature extends string = DecisionFeature> {
  intercept: number;
  weights: Partial<Record<Feature, number>>;
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

/** The answer-sentence ranking: how likely a sentence is to hold the answer, fitted on sentences that did. */
export type RankingModel = LogisticModel<SentenceFeature>;
