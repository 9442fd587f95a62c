/**
 * The chat page in real headless Chromium against the real service: asking,
 * citations, abstention, markup shown as text, keyboard use, a phone-sized
 * screen and dark mode.
 */
import { cp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askInChat, chromiumMissing, launchChromium, watchDialogs } from "../helpers/browser.js";
import { makeTempDir, REPO_ROOT, startTestServer, type TestServer } from "../helpers/test-server.js";

// From the seed set (q02, u01), so that they are answerable/unanswerable by design.
const ANSWERABLE = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const UNANSWERABLE = "What pressure should an espresso machine brew at?";
const XSS_QUESTION = "Which string did the gallery label field store?";
const XSS_DOCUMENT = `Gallery label incident

The gallery label field stored the string <img src=x onerror=alert(1)> verbatim from a visitor form.

A later caption contained <script>alert("caption")</script> in the sculpture catalogue.
`;

if (chromiumMissing) console.warn(chromiumMissing);

describe.skipIf(chromiumMissing)("chat page in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let corpusDir: string;

  beforeAll(async () => {
    corpusDir = await makeTempDir("rag-web-corpus-");
    await cp(path.join(REPO_ROOT, "corpus"), corpusDir, { recursive: true });
    await writeFile(path.join(corpusDir, "gallery-label-incident.txt"), XSS_DOCUMENT);
    [server, browser] = await Promise.all([startTestServer({ corpusDir }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  async function openChat(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    return page;
  }

  it("When a seed question is sent, Then the answer appears and [1] opens the passage with the cited sentence highlighted", async () => {
    const page = await openChat();
    const answer = await askInChat(page, ANSWERABLE);
    await expect(answer.innerText()).resolves.toContain("Hangzhou");
    expect(await answer.getAttribute("class")).not.toContain("abstained");

    await page.locator(".cite", { hasText: "[1]" }).first().click();
    const panel = page.locator(".citation-panel");
    await panel.waitFor();
    expect(await panel.locator(".citation-source").innerText()).toContain("nemo-unesco-museum-forum-2025.txt");
    const highlighted = await panel.locator("mark").innerText();
    expect(highlighted).toContain("took place in Hangzhou");
    // The highlighted sentence is the one the answer quotes, inside the passage shown.
    const answerText = (await answer.innerText()).replace(/\s*\[\d+\]/g, "");
    expect(answerText.replace(/\s+/g, " ")).toContain(highlighted.replace(/\s+/g, " ").replace(/\.$/, ""));
    expect(await panel.locator(".passage").innerText()).toContain(highlighted);

    const href = await panel.locator("a.source-link").getAttribute("href");
    await page.goto(href!);
    expect(await page.locator("mark#passage").innerText()).toContain("took place in Hangzhou");
    await page.context().close();
  });

  it("When the documents do not say, Then the answer is shown in the abstention style without citations", async () => {
    const page = await openChat();
    const answer = await askInChat(page, UNANSWERABLE);
    expect(await answer.getAttribute("class")).toContain("abstained");
    expect(await answer.locator(".answer-label").innerText()).toMatch(/not found in the documents/i);
    expect(await answer.locator(".cite").count()).toBe(0);
    await page.context().close();
  });

  it("When a question has a misspelt word, Then the answer says what was searched; a question searched as typed says nothing of it", async () => {
    const page = await openChat();
    const corrected = await askInChat(page, "Where did the forum take plase?");
    // The query is in a <q>, whose quotation marks the browser draws.
    await expect(corrected.locator(".answer-searched").innerText()).resolves.toBe("Searched for: Where did the forum take place?");
    await expect(corrected.innerText()).resolves.toContain("Hangzhou");
    await page.context().close();
    const another = await openChat();
    const asTyped = await askInChat(another, ANSWERABLE);
    expect(await asTyped.locator(".answer-searched").count()).toBe(0);
    await another.context().close();
  });

  it("When a document contains markup, Then the answer, the passage and the source page show it literally and no dialog fires", async () => {
    const page = await openChat();
    const dialogs = watchDialogs(page);
    const answer = await askInChat(page, XSS_QUESTION);
    expect(await answer.innerText()).toContain("<img src=x onerror=alert(1)>");
    await answer.locator(".cite").first().click();
    const passage = page.locator(".citation-panel .passage");
    expect(await passage.innerText()).toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator(".chat img, .chat script").count()).toBe(0);

    const href = await page.locator("a.source-link").getAttribute("href");
    const response = await page.goto(href!);
    expect(response!.headers()["content-security-policy"]).toContain("script-src 'self'");
    const text = await page.locator(".text").innerText();
    expect(text).toContain("<img src=x onerror=alert(1)>");
    expect(text).toContain('<script>alert("caption")</script>');
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(dialogs.fired).toEqual([]);
    await page.context().close();
  });

  it("When only the keyboard is used, Then Shift+Enter adds a line, Enter sends, a citation opens with Enter and Esc closes it with focus restored", async () => {
    const page = await openChat();
    const active = () => page.evaluate(() => document.getElementById("app")!.shadowRoot!.activeElement?.className ?? "");

    expect(await active()).toBe("question-input");
    await page.keyboard.type("Where did the Third UNESCO High-Level Forum");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("for Museums take place?");
    expect(await page.locator("textarea").inputValue()).toContain("Forum\nfor Museums");
    await page.keyboard.press("Enter");
    await page.locator('.answer[aria-busy="false"]').waitFor();
    expect(await page.locator(".question").innerText()).toContain("Forum\nfor Museums");

    // Back from the question box to the answer's last citation.
    while ((await active()) !== "cite") await page.keyboard.press("Shift+Tab");
    const outline = await page.evaluate(() => getComputedStyle(document.getElementById("app")!.shadowRoot!.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    await page.keyboard.press("Enter");
    await page.locator(".citation-panel").waitFor();
    expect(await active()).toBe("icon-button");

    await page.keyboard.press("Escape");
    await page.locator(".citation-panel").waitFor({ state: "hidden" });
    expect(await active()).toBe("cite");
    await page.context().close();
  });

  it("When the screen is a 360 px phone, Then nothing overflows sideways and the citation opens as a popover within the screen", async () => {
    const page = await openChat({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    await askInChat(page, ANSWERABLE);
    await page.locator(".cite").first().click();

    const box = (await page.locator(".citation-panel").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      log: document.getElementById("app")!.shadowRoot!.querySelector(".log")!.scrollWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.log).toBeLessThanOrEqual(360);
    const screenshot = await page.screenshot();
    expect(screenshot.subarray(1, 4).toString()).toBe("PNG");
    await page.context().close();
  });

  it("When the system prefers a dark colour scheme, Then the chat is dark", async () => {
    const luminance = async (colorScheme: "light" | "dark") => {
      const page = await openChat({ colorScheme });
      const background = await page.evaluate(() => getComputedStyle(document.getElementById("app")!.shadowRoot!.querySelector(".chat")!).backgroundColor);
      await page.context().close();
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    };
    expect(await luminance("dark")).toBeLessThan(0.2);
    expect(await luminance("light")).toBeGreaterThan(0.8);
  });
});
