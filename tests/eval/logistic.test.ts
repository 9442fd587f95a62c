import { describe, expect, it } from "vitest";
import { chooseThreshold, fitLogistic, sigmoid } from "../../src/eval/logistic.js";

describe("logistic calibration", () => {
  it("When the label follows the first feature and not the second, Then the fit weights the first and predicts both classes", () => {
    const x: number[][] = [];
    const y: boolean[] = [];
    for (let i = 0; i < 200; i++) {
      const signal = (i % 20) / 20;
      const noise = ((i * 7919) % 13) / 13;
      x.push([signal, noise]);
      y.push(signal > 0.5);
    }
    const fit = fitLogistic(x, y);
    expect(fit.weights[0]).toBeGreaterThan(5);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(Math.abs(fit.weights[0]!) / 5);
    const p = (row: number[]) => sigmoid(fit.intercept + row[0]! * fit.weights[0]! + row[1]! * fit.weights[1]!);
    expect(p([0.95, 0.5])).toBeGreaterThan(0.9);
    expect(p([0.05, 0.5])).toBeLessThan(0.1);
  });

  it("When abstain-worthy questions score lower, Then the chosen threshold lies between the two groups", () => {
    const samples = [0.1, 0.2, 0.25].map((score) => ({ score, positive: true })).concat([0.6, 0.7, 0.9].map((score) => ({ score, positive: false })));
    expect(chooseThreshold(samples, 0.95)).toBeCloseTo(0.425);
  });

  it("When the groups overlap, Then the threshold is the lowest that still abstains on the required share", () => {
    const abstain = [0.1, 0.2, 0.3, 0.4, 0.8].map((score) => ({ score, positive: true }));
    const answer = [0.35, 0.5, 0.9].map((score) => ({ score, positive: false }));
    // 80% of 5 = 4 must score below the cut: the 4th is 0.4, the next score above it is 0.5.
    expect(chooseThreshold([...abstain, ...answer], 0.8)).toBeCloseTo(0.45);
    expect(chooseThreshold([...abstain, ...answer], 0.6)).toBeCloseTo(0.325);
  });
});
