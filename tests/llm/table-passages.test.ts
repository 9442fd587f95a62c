/**
 * A passage cut from inside a long table reaches the chat model under the table's header, so that the model reads
 * which column a cell is in, and a sentence naming a column ("rate") is still verified against the passage.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskResult } from "../../src/answer/ask.js";
import { type FakeOpenAI, startServiceWithFakeModel } from "../helpers/fake-openai.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { makeTempDir, type TestServer } from "../helpers/test-server.js";
import { passageContaining, passagesInPrompt } from "./scripts.js";

// Cut into chunks of 480 characters, the magazines' row is in a later passage than the header.
const LOANS = `# Borrowing

## Loan periods and charges

| Item type | Loan period | Renewals | Overdue charge |
| --- | --- | --- | --- |
| Books and audiobooks | 3 weeks | Up to 3 times | 25p per day |
| Quick Reads and new bestsellers | 1 week | Not renewable | 50p per day |
| DVDs and Blu-rays | 1 week | Once | £1.00 per day |
| Board games and jigsaw puzzles | 2 weeks | Once | 20p per day |
| Sheet music and vocal scores | 4 weeks | Up to 2 times | 10p per day |
| Language courses on CD | 3 weeks | Once | 30p per day |
| Magazines (back issues) | 2 weeks | Once | 10p per day |
| Laptops (in-library use only) | 3 hours | If no one is waiting | Not applicable |
`;

describe("a long table's passages, for a chat model", () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const corpusDir = path.join(await makeTempDir("rag-corpus-"), "corpus");
    await mkdir(corpusDir);
    await writeFile(path.join(corpusDir, "borrowing.md"), LOANS);
    ({ fake, server, close } = await startServiceWithFakeModel({}, { corpusDir, embedder: fakeEmbedder() }));
  });
  afterAll(() => close?.());

  it("When a passage begins inside a table, Then the model sees the table's header above its rows, and a sentence naming a column keeps its citation", async () => {
    fake.script((request) => ({ content: `The loan period for back issues of magazines is 2 weeks [${passageContaining(request, "Magazines (back issues)")}].` }));
    const response = await server.post("/ask", { question: "How long is the loan period for magazines?", k: 8 });
    const result = (await response.json()) as AskResult;
    const passages = passagesInPrompt(fake.requests.at(-1)!);
    const magazines = [...passages.values()].find((body) => body.includes("Magazines (back issues)"))!;
    expect(magazines.startsWith("| Item type | Loan period | Renewals | Overdue charge |\n| --- | --- | --- | --- |\n")).toBe(true);
    // The passage's own text does not hold the header: it is not the first of the table's passages.
    expect(result.citations[0]!.text).not.toContain("Item type");
    expect(result.answer).toBe("The loan period for back issues of magazines is 2 weeks [1].");
  });
});
