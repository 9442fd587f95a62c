/**
 * The chat's first screen: GET /welcome derived from the live index or set by
 * the operator, and in Chromium the greeting with example questions that,
 * clicked, are asked and answered from the documents they were derived from.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, launchChromium } from "../helpers/browser.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { writeCorpus } from "../reindex/fixtures.js";

const CORPUS = {
  "aquarium.md": "# Quillmere Aquarium\n\n## Octopus feeding times\n\nThe Quillmere aquarium feeds its octopus Bramble every Thursday at half past two.\n",
  "kiln.md": "# Aldermoor Kiln Works\n\n## Porcelain firing temperature\n\nThe Aldermoor kiln fires porcelain at 1280 degrees Celsius for eleven hours.\n",
  "ferry.md": "# Wrenfield Ferry\n\n## Ferry ticket prices\n\nTickets for the Wrenfield ferry cost three euros and can be bought on board.\n",
  "library.txt": "Hollowbrook Library\n\nThe Hollowbrook library opens at 9 am on Saturdays.\n",
};

interface Welcome {
  documents: number;
  text: string;
  examples: string[];
}

describe("the chat's first screen", () => {
  let server: TestServer;
  let corpusDir: string;

  beforeAll(async () => {
    corpusDir = await writeCorpus(CORPUS);
    server = await startTestServer({ corpusDir });
  });
  afterAll(async () => {
    await server?.close();
    await rm(path.dirname(corpusDir), { recursive: true, force: true });
  });

  it("When nothing is configured, Then /welcome counts the documents and derives three examples from different documents' headings", async () => {
    const welcome = (await (await fetch(`${server.url}/welcome`)).json()) as Welcome;
    expect(welcome.documents).toBe(4);
    expect(welcome.text).toBe("Ask about 4 documents, e.g.");
    expect(welcome.examples).toHaveLength(3);
    const headings = ["Octopus feeding times", "Porcelain firing temperature", "Ferry ticket prices", "Hollowbrook Library"];
    const topics = welcome.examples.map((q) => headings.find((heading) => q.includes(heading)));
    expect(topics.every(Boolean)).toBe(true);
    expect(new Set(topics).size).toBe(3);
  });

  it("When a derived example is asked, Then it is answered, not hedged, by the opening of the section it names, cited", async () => {
    const welcome = (await (await fetch(`${server.url}/welcome`)).json()) as Welcome;
    const openings: Record<string, [string, string]> = {
      "Octopus feeding times": ["aquarium.md", "feeds its octopus Bramble every Thursday"],
      "Porcelain firing temperature": ["kiln.md", "fires porcelain at 1280 degrees"],
      "Ferry ticket prices": ["ferry.md", "cost three euros"],
      "Hollowbrook Library": ["library.txt", "opens at 9 am on Saturdays"],
    };
    for (const question of welcome.examples) {
      const [source, opening] = Object.entries(openings).find(([topic]) => question.includes(topic))![1];
      const body = (await (await server.post("/ask", { question })).json()) as { outcome: string; confidence: number; answer: string; citations: { n: number; source: string }[] };
      expect(body.outcome, question).toBe("answered");
      // Answered by what the passage is, not by a factoid's evidence: the confidence says so too.
      expect(body.confidence).toBe(1);
      expect(body.answer).toContain(opening);
      expect(body.answer).toContain("[1]");
      expect(body.citations[0]!.source).toBe(source);
    }
  });

  it("When asked what the documents are about, Then each document's opening, by file name, is quoted with its title, cited, and answered (not searched for)", async () => {
    const body = (await (await server.post("/ask", { question: "What are these documents about?" })).json()) as {
      outcome: string;
      confidence: number;
      answer: string;
      citations: { n: number; source: string }[];
    };
    expect(body).toMatchObject({ outcome: "answered", confidence: 1 });
    expect(body.answer.split("\n")).toEqual([
      "- Quillmere Aquarium: The Quillmere aquarium feeds its octopus Bramble every Thursday at half past two [1].",
      "- Wrenfield Ferry: Tickets for the Wrenfield ferry cost three euros and can be bought on board [2].",
      "- Aldermoor Kiln Works: The Aldermoor kiln fires porcelain at 1280 degrees Celsius for eleven hours [3].",
      "- Hollowbrook Library: The Hollowbrook library opens at 9 am on Saturdays [4].",
    ]);
    expect(body.citations.map((c) => c.source)).toEqual(["aquarium.md", "ferry.md", "kiln.md", "library.txt"]);
  });

  it("When fewer documents are shown than the index holds, Then the answer says how many of how many", async () => {
    const body = (await (await server.post("/ask", { question: "What is in these files?", k: 2 })).json()) as { outcome: string; answer: string };
    expect(body.outcome).toBe("answered");
    expect(body.answer.split("\n")).toEqual([
      "The first 2 of 4 documents, by file name:",
      "- Quillmere Aquarium: The Quillmere aquarium feeds its octopus Bramble every Thursday at half past two [1].",
      "- Wrenfield Ferry: Tickets for the Wrenfield ferry cost three euros and can be bought on board [2].",
    ]);
  });

  it("When WELCOME_TEXT and EXAMPLE_QUESTIONS are set, Then they replace the derived greeting", async () => {
    const configured = await startTestServer({ corpusDir, env: { WELCOME_TEXT: "Ask our museum", EXAMPLE_QUESTIONS: "When is Bramble fed? | How hot is the kiln?" } });
    try {
      const welcome = (await (await fetch(`${configured.url}/welcome`)).json()) as Welcome;
      expect(welcome).toEqual({ documents: 4, text: "Ask our museum", examples: ["When is Bramble fed?", "How hot is the kiln?"] });
    } finally {
      await configured.close();
    }
  });

  describe.skipIf(chromiumMissing)("in a browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("When the chat opens, Then it greets with the examples, and clicking one asks it and answers from its document", async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      await page.locator(".welcome-text", { hasText: "Ask about 4 documents" }).waitFor();
      const examples = page.locator("button.example");
      expect(await examples.count()).toBe(3);
      const feeding = examples.filter({ hasText: "Octopus feeding times" });
      await feeding.focus();
      await page.keyboard.press("Enter");
      const answer = page.locator('.answer[aria-busy="false"]').first();
      await answer.waitFor();
      expect(await answer.getAttribute("class")).not.toContain("abstained");
      await page.locator(".cite").first().click();
      expect(await page.locator(".citation-source").innerText()).toContain("aquarium.md");
      expect(await page.locator(".welcome").count()).toBe(0);

      await page.locator("button", { hasText: "New chat" }).click();
      await page.locator(".welcome").waitFor();
      await page.close();
    });
  });
});
