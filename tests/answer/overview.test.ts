import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/core/types.js";
import { asksAboutDocuments, documentPassages, openingPassages, overviewTopic, passageTitled } from "../../src/answer/overview.js";
import { memorySnapshot } from "../../src/eval/memory-index.js";
import { parseFile } from "../../src/ingest/parse-file.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
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

  it("When a question asks what the documents as a whole are about, Then it is told apart from questions about something in them", () => {
    for (const question of [
      "What is this document about?",
      "what are these documents about",
      "What's in the files?",
      "Summarise the documents, please.",
      "Can you summarize this PDF?",
      "Give me an overview of the collection",
      "What topics do the documents cover?",
      "What does the document say?",
      "Tell me about these documents",
      "  What can I ask?  ",
      "what is this about",
      "Give me a summary",
      "summary",
      "Summarize it",
    ]) {
      expect(asksAboutDocuments(question), question).toBe(true);
    }
    for (const question of [
      "What is this museum about?",
      "What do the documents say about ferry tickets?",
      "Summarise the recommendations",
      "What is the document's title page about the ferry?",
      "Who wrote the documents?",
      "What can I ask about refunds?",
      "Give me a summary of the ferry timetable",
      "summary of the recommendations",
    ]) {
      expect(asksAboutDocuments(question), question).toBe(false);
    }
  });

  it("When passages run on from several documents' openings, Then the first of each document is its opening", () => {
    const chunk = (n: number, source: string) => ({ n, score: 1, chunk: { id: `c${n}`, source, title: source, headingPath: [], text: "Text.", start: n, end: n + 5 } as Chunk });
    const passages = [chunk(1, "a.md"), chunk(2, "b.md"), chunk(3, "a.md"), chunk(4, "b.md")];
    expect(openingPassages(passages).map((p) => p.n)).toEqual([1, 2]);
  });

  it("When a web page opens with a menu not marked as navigation, Then its opening is its first sentence of prose, not the menu", async () => {
    // A <nav> is left out by the HTML loader; a menu of plain links in a <div> reaches the index.
    const page = `<html><head><title>Quillmere Aquarium</title></head><body><div class="menu"><a href="/">Home</a> <a href="/visit">Visit</a> <a href="/contact">Contact us</a></div>
      <h1>Quillmere Aquarium</h1><p>The Quillmere aquarium feeds its octopus Bramble every Thursday at half past two. Visitors may watch.</p></body></html>`;
    const { chunks } = await parseFile({ source: "aquarium.html", type: ".html", bytes: Buffer.from(page), chunking: { size: 480, overlap: 80 } });
    expect(chunks[0]!.text).toBe("Home Visit Contact us");
    const [opening, ...rest] = await documentPassages(await memorySnapshot(chunks, fakeEmbedder()), 5);
    expect(opening!.chunk.text).toMatch(/^Quillmere Aquarium\s+The Quillmere aquarium feeds/);
    expect(rest).toEqual([]);
  });
});
