/**
 * @module confidence
 * One number per question saying how well the retrieved passages support an
 * answer: a small logistic model over the evidence (the best sentence's term
 * coverage, alone and with its passage, its answer type and embedding
 * similarity; the coverage of all retrieved passages together; and the best
 * similarity and coverage of any sentence). Its
 * weights and the abstention threshold on it are fitted by `npm run eval`
 * (SQuAD 2.0: questions about indexed vs held-out articles) and stored in
 * calibration.json.
 */
import calibration from "../retrieval/calibration.json" with { type: "json" };
import type { SentenceEvidence } from "./evidence.js";

export const CONFIDENCE_FEATURES = ["coverage", "contextCoverage", "retrievedCoverage", "typeMatch", "similarity", "maxSimilarity", "maxCoverage"] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

export interface ConfidenceModel {
  intercept: number;
  weights: Record<ConfidenceFeature, number>;
}

export const DEFAULT_CONFIDENCE_MODEL: ConfidenceModel = calibration.confidence;

/** The model's inputs, read from evidence ranked best first; all zero when there is none. */
export function confidenceFeatures(evidence: SentenceEvidence[]): Record<ConfidenceFeature, number> {
  const best = evidence[0];
  return {
    coverage: best?.coverage ?? 0,
    contextCoverage: best?.contextCoverage ?? 0,
    retrievedCoverage: best?.retrievedCoverage ?? 0,
    typeMatch: best?.typeMatch ? 1 : 0,
    similarity: best?.similarity ?? 0,
    maxSimilarity: evidence.reduce((m, s) => Math.max(m, s.similarity), 0),
    maxCoverage: evidence.reduce((m, s) => Math.max(m, s.coverage), 0),
  };
}

/** Probability-like confidence in [0, 1] that the passages answer the question. */
export function answerConfidence(evidence: SentenceEvidence[], model: ConfidenceModel = DEFAULT_CONFIDENCE_MODEL): number {
  if (!evidence.length) return 0;
  const features = confidenceFeatures(evidence);
  const z = CONFIDENCE_FEATURES.reduce((sum, name) => sum + model.weights[name] * features[name], model.intercept);
  return 1 / (1 + Math.exp(-z));
}
