import { describe, expect, it } from "vitest";
import { drain, streamAnswer, streamDraft } from "../../src/answer/streaming.js";
import type { AnswerDraft, Answerer } from "../../src/answer/types.js";
import { assessmentOf, passagesOf } from "./passages.js";

const draft: AnswerDraft = {
  answer: "The forum took place in Hangzhou [1]. Petra Havu moderated the panel. [2]",
  cited: [1, 2],
  abstained: false,
  model: "extractive",
};

async function collect(pieces: AsyncGenerator<string, AnswerDraft>): Promise<{ pieces: string[]; draft: AnswerDraft }> {
  const out: string[] = [];
  for (;;) {
    const next = await pieces.next();
    if (next.done) return { pieces: out, draft: next.value };
    out.push(next.value);
  }
}

describe("streaming an answer", () => {
  it("When a finished draft is streamed, Then it comes one sentence (with its citations) per piece and the pieces make the answer", () => {
    const pieces = [...streamDraft(draft)];
    expect(pieces).toEqual(["The forum took place in Hangzhou [1].", " Petra Havu moderated the panel. [2]"]);
    expect(pieces.join("")).toBe(draft.answer);
  });

  it("When the answerer cannot stream, Then its answer is streamed sentence by sentence and returned whole", async () => {
    const answerer: Answerer = { model: "extractive", answer: async () => draft };
    const streamed = await collect(streamAnswer(answerer, { question: "q", passages: passagesOf("p"), evidence: [], assessment: assessmentOf() }));
    expect(streamed.pieces).toHaveLength(2);
    expect(streamed.draft).toBe(draft);
  });

  it("When the answerer streams, Then its own pieces pass through", async () => {
    const answerer: Answerer = {
      model: "chat",
      answer: async () => draft,
      async *stream() {
        yield "The forum";
        yield " took place in Hangzhou [1].";
        return draft;
      },
    };
    const streamed = await collect(streamAnswer(answerer, { question: "q", passages: passagesOf("p"), evidence: [], assessment: assessmentOf() }));
    expect(streamed.pieces).toEqual(["The forum", " took place in Hangzhou [1]."]);
    expect(await drain(streamAnswer(answerer, { question: "q", passages: [], evidence: [], assessment: assessmentOf() }))).toBe(draft);
  });
});
