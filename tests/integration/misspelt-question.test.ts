/**
 * A question with a misspelt word, over HTTP with the bundled model: the word is searched as the word the documents
 * use, and the response says what was searched. Before, "expences deadline" found nothing and was not_found.
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const POLICY = `# Expenses

Expense claims are submitted in the Expenses app within 60 days of the journey, with photographs of all receipts.

# Wi-Fi

The guest network is NW-Guest; its password changes every Monday and is shown at reception.
`;

describe("a misspelt question", () => {
  const served = serveCorpus({ "policy.md": POLICY });

  it("When a word is misspelt, Then the word the documents use is searched, shown as the query, and its passage quoted", async () => {
    const result = await served.ask("expences deadline");
    expect(result.query).toBe("expenses deadline");
    expect(result.outcome).not.toBe("not_found");
    expect(result.answer).toContain("within 60 days");
    expect((await served.ask("guest wifi pasword")).answer).toContain("its password changes every Monday");
  });

  it("When a real word is not in the documents, Then it is not taken for a misspelling", async () => {
    const result = await served.ask("Is there a gym membership?");
    expect(result.query).toBe("Is there a gym membership?");
    expect(result.outcome).toBe("not_found");
  });
});
