import { describe, expect, it } from "vitest";
import { parseQrels } from "../../src/eval/datasets.js";
import { seededShuffle, splitArticles } from "../../src/eval/splits.js";

describe("benchmark readers and splits", () => {
  it("When BEIR qrels are parsed, Then the header is skipped and grades are kept per query", () => {
    const qrels = parseQrels("query-id\tcorpus-id\tscore\n1\t31715818\t1\n1\t14717500\t2\n3\t5\t1\n");
    expect([...qrels.keys()]).toEqual(["1", "3"]);
    expect(qrels.get("1")).toEqual(
      new Map([
        ["31715818", 1],
        ["14717500", 2],
      ]),
    );
  });

  it("When articles are split, Then the split is the same on every run, half are indexed and fitting uses half of each side", () => {
    const titles = Array.from({ length: 16 }, (_, i) => `Article_${i}`);
    const a = splitArticles([...titles].reverse());
    const b = splitArticles(titles);
    expect([...a.indexed].sort()).toEqual([...b.indexed].sort());
    expect(a.indexed.size).toBe(8);
    expect(a.fit.size).toBe(8);
    expect([...a.fit].filter((t) => a.indexed.has(t))).toHaveLength(4);
    expect(seededShuffle([1, 2, 3, 4, 5], 1)).not.toEqual(seededShuffle([1, 2, 3, 4, 5], 2));
  });
});
