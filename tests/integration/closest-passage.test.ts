/**
 * A question that shares no word with any sentence of the passage answering it — an FAQ whose heading asks the
 * question ("Can I take photographs?") and whose sentence answers in other words — still gets that passage, as the
 * closest one, over HTTP with the bundled model: before, nothing was quoted and the answer was not_found.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AskResult } from "../../src/answer/ask.js";
import { UNCERTAIN_PREFIX } from "../../src/answer/types.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";

const FAQ = `# Frequently asked questions

## Can I take photographs?

Photography without flash is allowed in the permanent collection. Flash is not allowed anywhere.

## Where can I leave my coat?

Coats and bags larger than A4 must be left in the free cloakroom next to the entrance.
`;

describe("the closest passage when no sentence shares a word with the question", () => {
  let server: TestServer;
  let corpusDir: string;
  beforeAll(async () => {
    corpusDir = await writeCorpus({ "faq.md": FAQ });
    server = await startTestServer({ corpusDir });
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When the answer is under a heading that asks the question in other words, Then its first sentence is shown as the closest passage, not 'not found'", async () => {
    const result = (await (await server.post("/ask", { question: "Can I take pictures?" })).json()) as AskResult;
    expect(result.outcome).toBe("uncertain");
    expect(result.answer).toBe(`${UNCERTAIN_PREFIX} Photography without flash is allowed in the permanent collection [1].`);
    expect(result.citations[0]!.headingPath).toEqual(["Frequently asked questions", "Can I take photographs?"]);
  });
});
