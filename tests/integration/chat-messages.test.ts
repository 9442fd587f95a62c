/**
 * Questions written as chat messages, over HTTP with the bundled model: with a greeting, "please", thanks or "could you
 * tell me" around them they are answered as the bare question is; a greeting or thanks alone is replied to in kind,
 * with what the documents are about.
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const FORUM = `# Museum forum 2025

The Third Museum Forum took place in Hangzhou, China, on 24 April 2025. NEMO Chairperson Petra Havu moderated the panel on digital technologies.

## Tickets

Tickets for the forum cost 20 euros and can be bought online.
`;

const LIBRARY = `# Hollowbrook Library

The library opens at 9 am on Saturdays. Books are lent for three weeks.
`;

describe("chat messages", () => {
  const served = serveCorpus({ "forum.md": FORUM, "library.md": LIBRARY });

  it("When a question comes with a greeting, please, thanks or 'could you tell me', Then it is answered as the bare question is", async () => {
    const bare = await served.ask("Who moderated the panel?");
    expect(bare.outcome).toBe("answered");
    // "tell" and "hi", which no answer says, had weighed as the rarest words of the question.
    for (const message of ["Could you tell me who moderated the panel?", "Hi, who moderated the panel? Thanks!", "Hello! Can you please tell me who moderated the panel?"]) {
      const result = await served.ask(message);
      expect(result.outcome, message).toBe("answered");
      expect(result.answer, message).toBe(bare.answer);
    }
  });

  it("When a message is a greeting or thanks alone, Then it is replied to in kind, with what each document is about", async () => {
    const result = await served.ask("Hi!");
    expect(result.outcome).toBe("answered");
    const [greeting, ...openings] = result.answer.split("\n");
    expect(greeting).toBe("Hello! I answer questions from these documents:");
    expect(openings).toHaveLength(2);
    expect(result.citations.map((c) => c.source).sort()).toEqual(["forum.md", "library.md"]);
    // Thanks alone had been not_found ("I could not find this in the documents."), and a content gap.
    const thanks = await served.ask("Thanks!");
    expect(thanks.outcome).toBe("answered");
    expect(thanks.answer.split("\n")[0]).toBe("You're welcome! I answer questions from these documents:");
  });
});
