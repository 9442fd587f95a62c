import { describe, expect, it } from "vitest";
import { sigmoid } from "../../src/answer/logistic-model.js";
import { fitLogistic } from "../../src/eval/logistic.js";

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
});
