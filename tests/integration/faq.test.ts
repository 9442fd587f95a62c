/**
 * An FAQ written as "Q: …" / "A: …" in Markdown, over HTTP with the bundled model: the answer quotes the document's
 * answer, not its question. Before, "How many books can I take out?" was answered with the FAQ's questions only
 * ("**Q: How many books can I borrow [1]? **Q: How long can I keep a book [1]?").
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AskResult } from "../../src/answer/ask.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";

const FAQ = `# Library FAQ

**Q: How many books can I borrow?**
A: Members can borrow up to 12 items at a time, including up to 4 DVDs.

**Q: How long can I keep a book?**
A: The loan period is three weeks. You can renew online twice if nobody has reserved the item.

**Q: Is there wifi?**
A: Free wifi is available throughout the building.
`;

describe("an FAQ", () => {
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

  it("When a question is asked that the FAQ asks too, Then the FAQ's answer is quoted, without its question, bold marks or label", async () => {
    for (const [question, answer] of [
      ["How many books can I take out?", "Members can borrow up to 12 items at a time, including up to 4 DVDs [1]."],
      ["How long can I keep a book?", "The loan period is three weeks [1]."],
      ["Is there wifi?", "Free wifi is available throughout the building [1]."],
    ]) {
      const result = (await (await server.post("/ask", { question })).json()) as AskResult;
      expect(result.answer, question).toContain(answer);
      expect(result.answer, question).not.toMatch(/Q:|\*\*|A:/);
    }
  });
});
