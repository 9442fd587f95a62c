/**
 * @module logistic-model
 * Applying a fitted logistic model (core/answer-calibration.ts) to named
 * features: the sentence ranking and both answer-decision models use it.
 */
import type { LogisticModel } from "../core/answer-calibration.js";

export function predict<Feature extends string>(model: LogisticModel<Feature>, features: Readonly<Record<Feature, number>>): number {
  let z = model.intercept;
  for (const name of Object.keys(features) as Feature[]) z += (model.weights[name] ?? 0) * features[name];
  return 1 / (1 + Math.exp(-z));
}
