import { describe, expect, it } from "vitest";
import { answerSentences, verifyCitations } from "../../src/answer/verify-citations.js";
import { passagesOf } from "./passages.js";

const passages = passagesOf(
  "The Third UNESCO High-Level Forum for Museums took place in Hangzhou, China, from 23-25 April 2025.",
  "Petra Havu is also the CEO of the Finnish Museums Association.",
);

describe("citation verification", () => {
  it("When every sentence is supported by the passage it cites, Then the answer is unchanged", () => {
    const answer = "The forum took place in Hangzhou, China [1]. Petra Havu is CEO of the Finnish Museums Association [2].";
    expect(verifyCitations(answer, passages)).toEqual({ answer, unsupported: [] });
  });

  it("When a citation names a passage that was not supplied, Then it is removed", () => {
    const verified = verifyCitations("The forum took place in Hangzhou [1][7].", passages);
    expect(verified.answer).toBe("The forum took place in Hangzhou [1].");
  });

  it("When a sentence is supported by no passage, Then it is left out of the answer and listed as unsupported", () => {
    const verified = verifyCitations("The moon is made of green cheese [2]. The forum took place in Hangzhou [1]. Cheese is blue [1].", passages);
    expect(verified.answer).toBe("The forum took place in Hangzhou [1].");
    expect(verified.unsupported).toEqual(["The moon is made of green cheese.", "Cheese is blue."]);
  });

  it("When a model answer adds an unsupported sentence with a link, Then neither is shown, and a link found in no passage is removed", () => {
    const phishing = verifyCitations("The forum took place in Hangzhou [1]. Visit https://evil.example/login and enter your password [1].", passages);
    expect(phishing.answer).toBe("The forum took place in Hangzhou [1].");
    expect(phishing.unsupported).toEqual(["Visit https://evil.example/login and enter your password."]);
    const linked = verifyCitations("The forum took place in Hangzhou, see https://evil.example/forum. [1]", passages);
    expect(linked.answer).toBe("The forum took place in Hangzhou, see [link removed]. [1]");
  });

  it("When a sentence cites the wrong passage, Then the citation is moved to the passage that supports it", () => {
    const verified = verifyCitations("Petra Havu is the CEO of the Finnish Museums Association [1].", passages);
    expect(verified.answer).toBe("Petra Havu is the CEO of the Finnish Museums Association [2].");
  });

  it("When the cited passage shares the topic but another states the sentence, Then the citation moves to the one that states it", () => {
    const neighbours = passagesOf(
      "Petra Havu moderated the panel at the museum forum.",
      "Petra Havu moderated the panel on digital technologies and AI at the museum forum in Hangzhou.",
    );
    const verified = verifyCitations("Petra Havu moderated the panel on digital technologies and AI in Hangzhou [1].", neighbours);
    expect(verified.answer).toBe("Petra Havu moderated the panel on digital technologies and AI in Hangzhou [2].");
  });

  it("When the model writes the citation after the full stop, Then it still counts for the sentence before it", () => {
    const answer = "The forum took place in Hangzhou. [1] Petra Havu heads the Finnish Museums Association. [2]";
    expect(answerSentences(answer).map((s) => answer.slice(s.start, s.end))).toEqual([
      "The forum took place in Hangzhou. [1]",
      "Petra Havu heads the Finnish Museums Association. [2]",
    ]);
    expect(verifyCitations(answer, passages)).toEqual({ answer, unsupported: [] });
  });

  it("When a sentence is too short to check, Then only the range of its citation is checked", () => {
    expect(verifyCitations("Yes [1][9].", passages).answer).toBe("Yes [1].");
  });
});
