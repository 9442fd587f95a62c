import { describe, expect, it } from "vitest";
import { estimateTokens, packPassages } from "../../src/answer/context-budget.js";
import { formatPassage } from "../../src/answer/prompt.js";
import { passagesOf } from "./passages.js";

describe("packing passages into the token budget", () => {
  const long = "word ".repeat(200);
  const passages = passagesOf("Short first passage.", long, "Short third passage.");
  const cost = (i: number) => estimateTokens(formatPassage(passages[i]!));

  it("When everything fits, Then all passages are packed in retrieval order", () => {
    const { packed, leftOut } = packPassages(passages, 10_000);
    expect(packed.map((p) => p.chunk.id)).toEqual(passages.map((p) => p.chunk.id));
    expect(leftOut).toEqual([]);
  });

  it("When a passage would overflow, Then it is left out, later ones that fit still go in, and numbers are contiguous", () => {
    const { packed, leftOut } = packPassages(passages, cost(0) + cost(2));
    expect(packed.map((p) => [p.n, p.chunk.id])).toEqual([
      [1, "doc.txt#0"],
      [2, "doc.txt#2"],
    ]);
    expect(leftOut.map((p) => [p.n, p.chunk.id])).toEqual([[3, "doc.txt#1"]]);
  });

  it("When even the best passage exceeds the budget, Then it is still shown alone", () => {
    const { packed } = packPassages([passages[1]!, passages[0]!], 1);
    expect(packed.map((p) => p.chunk.id)).toEqual(["doc.txt#1"]);
  });
});
