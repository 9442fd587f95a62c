/** The text work behind citations, and the SSE reader, without a browser. */
import { describe, expect, it } from "vitest";
import { citedSentence, locateSentence, splitAnswer } from "../../src/web/client/answer-text.js";
import { readEvents } from "../../src/web/client/sse.js";

const PASSAGE =
  "NEMO moderated a panel.\n\nOn 24 April 2025, NEMO Chairperson Petra Havu moderated a panel discussion at the Forum, which took place in\nHangzhou, China. The event brought together museum professionals.";

describe("answer text", () => {
  it("When an answer carries markers, Then it splits into text and citation parts in order", () => {
    expect(splitAnswer("It was in Hangzhou [1]. Havu moderated [2][1].")).toEqual([
      { text: "It was in Hangzhou " },
      { cite: 1 },
      { text: ". Havu moderated " },
      { cite: 2 },
      { cite: 1 },
      { text: "." },
    ]);
    expect(splitAnswer("No markers.")).toEqual([{ text: "No markers." }]);
  });

  it("When [n] is cited, Then its sentence is returned without markers, wherever the marker sits", () => {
    const answer = "The forum took place in Hangzhou, China [1]. The event brought together museum professionals. [2]";
    expect(citedSentence(answer, 1)).toBe("The forum took place in Hangzhou, China.");
    expect(citedSentence(answer, 2)).toBe("The event brought together museum professionals.");
    expect(citedSentence(answer, 3)).toBeUndefined();
  });

  it("When the answer quotes the passage, Then the quote is found there even across line breaks", () => {
    const sentence = "which took place in Hangzhou, China.";
    const range = locateSentence(PASSAGE, sentence)!;
    expect(PASSAGE.slice(range.start, range.end)).toBe("which took place in\nHangzhou, China.");
  });

  it("When the answer paraphrases, Then the passage sentence sharing most of its words is found; unrelated text finds nothing", () => {
    const range = locateSentence(PASSAGE, "Museum professionals were brought together by the event.")!;
    expect(PASSAGE.slice(range.start, range.end)).toBe("The event brought together museum professionals.");
    expect(locateSentence(PASSAGE, "Ticket prices are unknown.")).toBeUndefined();
  });
});

describe("server-sent events", () => {
  const streamOf = (...chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });

  it("When events arrive split across chunks, with CRLF and comments, Then each is read whole", async () => {
    const body = streamOf('event: token\ndata: {"text":"Hang', 'zhou"}\n\n: keep-alive\n\r\nevent: done\r\ndata: {"a":1}\r\n', "data: {\"b\":2}\r", "\ndata: 3\r\n\r\n");
    const events = [];
    for await (const event of readEvents(body)) events.push(event);
    expect(events).toEqual([
      { event: "token", data: '{"text":"Hangzhou"}' },
      { event: "done", data: '{"a":1}\n{"b":2}\n3' },
    ]);
  });
});
