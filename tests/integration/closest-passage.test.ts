/**
 * A question that shares no word with any sentence of the passage answering it — an FAQ whose heading asks the
 * question ("Can I take photographs?") and whose sentence answers in other words — still gets that passage, as the
 * closest one, over HTTP with the bundled model: before, nothing was quoted and the answer was not_found.
 */
import { describe, expect, it } from "vitest";
import { UNCERTAIN_PREFIX } from "../../src/answer/types.js";
import { serveCorpus } from "./served-corpus.js";

const FAQ = `# Frequently asked questions

## Can I take photographs?

Photography without flash is allowed in the permanent collection. Flash is not allowed anywhere.

## Where can I leave my coat?

Coats and bags larger than A4 must be left in the free cloakroom next to the entrance.
`;

describe("the closest passage when no sentence shares a word with the question", () => {
  const served = serveCorpus({ "faq.md": FAQ });

  it("When the answer is under a heading that asks the question in other words, Then its first sentence is shown as the closest passage, not 'not found'", async () => {
    const result = await served.ask("Can I take pictures?");
    expect(result.outcome).toBe("uncertain");
    expect(result.answer).toBe(`${UNCERTAIN_PREFIX} Photography without flash is allowed in the permanent collection [1].`);
    expect(result.citations[0]!.headingPath).toEqual(["Frequently asked questions", "Can I take photographs?"]);
  });
});
