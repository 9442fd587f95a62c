/**
 * An FAQ written as "Q: …" / "A: …" in Markdown, over HTTP with the bundled model: the answer quotes the document's
 * answer, not its question. Before, "How many books can I take out?" was answered with the FAQ's questions only
 * ("**Q: How many books can I borrow [1]? **Q: How long can I keep a book [1]?").
 */
import { describe, expect, it } from "vitest";
import { serveCorpus } from "./served-corpus.js";

const FAQ = `# Library FAQ

**Q: How many books can I borrow?**
A: Members can borrow up to 12 items at a time, including up to 4 DVDs.

**Q: How long can I keep a book?**
A: The loan period is three weeks. You can renew online twice if nobody has reserved the item.

**Q: Is there wifi?**
A: Free wifi is available throughout the building.
`;

describe("an FAQ", () => {
  const served = serveCorpus({ "faq.md": FAQ });

  it("When a question is asked that the FAQ asks too, Then the FAQ's answer is quoted, without its question, bold marks or label", async () => {
    const quoted: [string, string][] = [
      ["How many books can I take out?", "Members can borrow up to 12 items at a time, including up to 4 DVDs [1]."],
      ["How long can I keep a book?", "The loan period is three weeks [1]."],
      ["Is there wifi?", "Free wifi is available throughout the building [1]."],
    ];
    for (const [question, answer] of quoted) {
      const result = await served.ask(question);
      expect(result.answer, question).toContain(answer);
      expect(result.answer, question).not.toMatch(/Q:|\*\*|A:/);
    }
  });
});
