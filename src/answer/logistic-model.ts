/**
 * @module logistic-model
 * Applying a fitted logistic model (core/answer-calibration.ts) to named
 * features: the sentence ranking and both answer-decision models use it, and
 * the eval fits them with the same sigmoid.
 */
import type { LogisticModel } from "../core/answer-calibration.js";

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict<Feature extends string>(model: LogisticModel<Feature>, features: Readonly<Record<Feature, number>>): number {
  let z = model.intercept;
  for (const name of Object.keys(features) as Feature[]) z += (model.weights[name] ?? 0) * features[name];
  return sigmoid(z);
}
