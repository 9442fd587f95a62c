import { describe, expect, it } from "vitest";
import { asksForMore, HeuristicRewriter } from "../../src/answer/follow-up.js";

const rewriter = new HeuristicRewriter();
const history = [
  { role: "user" as const, content: "Who moderated the panel on digital technologies and AI?" },
  { role: "assistant" as const, content: "NEMO Chairperson Petra Havu moderated the panel [1]." },
];

describe("heuristic follow-up rewriting", () => {
  it("When a follow-up refers back with a pronoun, Then the names from the last answer are added", async () => {
    expect(await rewriter.rewrite("What other position does she hold?", history)).toBe(
      "What other position does she hold? (NEMO Chairperson Petra Havu)",
    );
  });

  it("When the question stands on its own, Then it is searched as asked", async () => {
    const question = "Which museum does Ore Disu direct?";
    expect(await rewriter.rewrite(question, history)).toBe(question);
  });

  it("When there is no history, Then the question is unchanged", async () => {
    expect(await rewriter.rewrite("And what else?", [])).toBe("And what else?");
  });

  it("When the last exchange names nothing, Then the last question's content words are added", async () => {
    const plain = [{ role: "user" as const, content: "what are the recommendations for policy makers?" }];
    expect(await rewriter.rewrite("when were they presented?", plain)).toBe("when were they presented? (recommendations, policy, makers)");
  });

  it("When the last question was about the documents as a whole, Then none of its words is added: it named no topic (a person the answer named still is)", async () => {
    const overview = [
      { role: "user" as const, content: "What is this document about?" },
      { role: "assistant" as const, content: "On 24 April 2025, NEMO Chairperson Petra Havu moderated a panel discussion [1]." },
    ];
    expect(await rewriter.rewrite("Who moderated the panel?", overview)).toBe("Who moderated the panel?");
    expect(await rewriter.rewrite("What other position does she hold?", overview)).toBe("What other position does she hold? (NEMO Chairperson Petra Havu)");
  });

  it("When the reader asks for more, Then the question asked before is searched again, however many times more was asked", async () => {
    const more = [...history, { role: "user" as const, content: "tell me more" }, { role: "assistant" as const, content: "Havu is also CEO of the Finnish Museums Association [1]." }];
    expect(await rewriter.rewrite("Tell me more, please.", history)).toBe(history[0]!.content);
    expect(await rewriter.rewrite("anything else?", more)).toBe(history[0]!.content);
    expect(asksForMore("more details")).toBe(true);
    expect(asksForMore("Who else was on the panel?")).toBe(false);
    expect(asksForMore("tell me more about the recommendations")).toBe(false);
  });
});
