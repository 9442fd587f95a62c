/**
 * A question with a misspelt word, over HTTP with the bundled model: the word is searched as the word the documents
 * use, and the response says what was searched. Before, "expences deadline" found nothing and was not_found.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AskResult } from "../../src/answer/ask.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";

const POLICY = `# Expenses

Expense claims are submitted in the Expenses app within 60 days of the journey, with photographs of all receipts.

# Wi-Fi

The guest network is NW-Guest; its password changes every Monday and is shown at reception.
`;

describe("a misspelt question", () => {
  let server: TestServer;
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await writeCorpus({ "policy.md": POLICY });
    server = await startTestServer({ corpusDir });
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  const ask = async (question: string) => (await (await server.post("/ask", { question })).json()) as AskResult;

  it("When a word is misspelt, Then the word the documents use is searched, shown as the query, and its passage quoted", async () => {
    const result = await ask("expences deadline");
    expect(result.query).toBe("expenses deadline");
    expect(result.outcome).not.toBe("not_found");
    expect(result.answer).toContain("within 60 days");
    expect((await ask("guest wifi pasword")).answer).toContain("its password changes every Monday");
  });

  it("When a real word is not in the documents, Then it is not taken for a misspelling", async () => {
    const result = await ask("Is there a gym membership?");
    expect(result.query).toBe("Is there a gym membership?");
    expect(result.outcome).toBe("not_found");
  });
});
