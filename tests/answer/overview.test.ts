import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/core/types.js";
import { overviewTopic, passageTitled } from "../../src/answer/overview.js";
import type { Passage } from "../../src/answer/types.js";

const passage = (n: number, title: string, headingPath: string[] = []): Passage => ({
  n,
  score: 1 / n,
  chunk: { id: `c${n}`, source: `d${n}.md`, title, headingPath, text: "Text.", start: 0, end: 5 } as Chunk,
});

describe("overview questions", () => {
  it("When a question asks what the documents say about a topic, Then the topic is read from it; other questions have none", () => {
    expect(overviewTopic("What do the documents say about Ferry ticket prices?")).toBe("Ferry ticket prices");
    expect(overviewTopic("what does the document say about the forum")).toBe("the forum");
    expect(overviewTopic("Tell me about NEMO's thoughts on AI??")).toBe("NEMO's thoughts on AI");
    expect(overviewTopic("What did the speakers say about artificial intelligence?")).toBeUndefined();
    expect(overviewTopic("How much does the ferry cost?")).toBeUndefined();
    expect(overviewTopic("What do the documents say about ?")).toBeUndefined();
  });

  it("When a passage's title or heading names every content word of the topic, Then the best-ranked such passage is the one", () => {
    const passages = [passage(1, "Wrenfield Ferry", ["Timetable"]), passage(2, "Wrenfield Ferry", ["Ferry ticket prices"]), passage(3, "Ticket prices")];
    expect(passageTitled("ferry ticket prices", passages)?.n).toBe(2);
    expect(passageTitled("the ticket prices", passages)?.n).toBe(2);
    expect(passageTitled("the ferry", passages)?.n).toBe(1);
    // One word the headings lack, and no passage is about the topic: the question goes the way of any other.
    expect(passageTitled("ferry ticket refunds", passages)).toBeUndefined();
    expect(passageTitled("the", passages)).toBeUndefined();
  });
});
