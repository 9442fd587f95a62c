/**
 * @module logistic
 * A small L2-regularised logistic regression, fitted by full-batch gradient
 * descent on standardised features: enough to calibrate a confidence score
 * from a few thousand labelled questions.
 */
import { sigmoid } from "../answer/logistic-model.js";

export interface LogisticFit {
  intercept: number;
  weights: number[];
}

/** Fits P(y = 1 | x); returns weights on the original (unstandardised) feature scale. */
export function fitLogistic(x: number[][], y: boolean[], { l2 = 1e-3, iterations = 3000, rate = 0.5 } = {}): LogisticFit {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + row[j]!, 0) / n);
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, row) => s + (row[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = x.map((row) => row.map((v, j) => (v - mean[j]!) / std[j]!));
  let b = 0;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    let gb = 0;
    const gw = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const err = sigmoid(b + z[i]!.reduce((s, v, j) => s + v * w[j]!, 0)) - (y[i] ? 1 : 0);
      gb += err;
      for (let j = 0; j < d; j++) gw[j]! += err * z[i]![j]!;
    }
    b -= (rate * gb) / n;
    for (let j = 0; j < d; j++) w[j]! -= rate * (gw[j]! / n + l2 * w[j]!);
  }
  const weights = w.map((wj, j) => wj / std[j]!);
  return { intercept: b - weights.reduce((s, wj, j) => s + wj * mean[j]!, 0), weights };
}
