/**
 * The embeddable widget on other sites, in real headless Chromium: two host
 * pages on their own 127.0.0.1 ports (other origins), one on ALLOWED_ORIGINS
 * and one not, each embedding /widget.js with one script tag.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askInChat, chromiumMissing, launchChromium, sendQuestion } from "../helpers/browser.js";
import { startHostSite, type HostSite } from "../helpers/host-site.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";

const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const RED = "rgb(255, 0, 0)";
const GREEN = "rgb(0, 128, 0)";

// Host CSS hostile to anything it could reach, and a class name the widget also uses.
const HOSTILE_CSS = `
  * { color: ${RED} !important; font-family: serif !important; }
  button { display: none !important; }
  .question { background: ${GREEN}; }
`;
const HOST_BODY = '<h1>Partner site</h1><p class="question">A paragraph of the host page.</p>';

if (chromiumMissing) console.warn(chromiumMissing);

describe.skipIf(chromiumMissing)("widget embedded on other sites", () => {
  let rag: TestServer;
  let browser: Browser;
  let allowed: HostSite;
  let refused: HostSite;

  beforeAll(async () => {
    const widgetSrc = () => `${rag.url}/widget.js`;
    const site = { widgetSrc, css: HOSTILE_CSS, body: HOST_BODY };
    [allowed, refused, browser] = await Promise.all([startHostSite(site), startHostSite(site), launchChromium()]);
    rag = await startTestServer({ embedder: fakeEmbedder(), env: { ALLOWED_ORIGINS: allowed.origin } });
  });
  afterAll(async () => {
    await browser?.close();
    await rag?.close();
    await Promise.all([allowed?.close(), refused?.close()]);
  });

  async function openWidget(page: Page, origin: string): Promise<void> {
    await page.goto(`${origin}/`);
    await page.locator(".launcher").click();
    await page.locator("textarea").waitFor();
  }

  it("When the host is on the allow-list, Then the widget answers with clickable citations, isolated from the host's CSS", async () => {
    const page = await browser.newPage();
    await openWidget(page, allowed.origin);
    expect(await page.locator(".chat-header h1").innerText()).toBe("Ask our documents");
    const answer = await askInChat(page, QUESTION);
    expect(await answer.innerText()).toContain("Hangzhou");

    await page.locator(".cite").first().click();
    expect(await page.locator(".citation-panel mark").innerText()).toContain("Hangzhou");

    // Neither side's CSS reaches the other.
    const colour = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).color);
    expect(await colour(".answer-text")).not.toBe(RED);
    expect(await page.locator(".launcher").isVisible()).toBe(true);
    const hostParagraph = await page.locator("body > p.question").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(hostParagraph).toBe(GREEN);
    await page.close();
  });

  it("When the visitor comes back to the page, Then the conversation is still there and a follow-up sends it along", async () => {
    const page = await browser.newPage();
    await openWidget(page, allowed.origin);
    await askInChat(page, QUESTION);

    await page.reload();
    await page.locator(".launcher").click();
    expect(await page.locator("ask-docs-widget .question").innerText()).toBe(QUESTION);
    expect(await page.locator("ask-docs-widget .answer").innerText()).toContain("Hangzhou");

    const request = page.waitForRequest((r) => r.url().endsWith("/ask") && r.method() === "POST");
    await sendQuestion(page, "Who moderated it?");
    const sent = (await request).postDataJSON() as { history?: { role: string; content: string }[] };
    expect(sent.history?.[0]).toEqual({ role: "user", content: QUESTION });
    await page.locator('.answer[aria-busy="false"]').nth(1).waitFor();
    await page.close();
  });

  it("When Escape is pressed in the open widget, Then it closes and focus returns to its button", async () => {
    const page = await browser.newPage();
    await openWidget(page, allowed.origin);
    await page.keyboard.press("Escape");
    await page.locator(".widget-panel").waitFor({ state: "hidden" });
    const focused = await page.evaluate(() => document.querySelector("ask-docs-widget")!.shadowRoot!.activeElement?.className);
    expect(focused).toBe("launcher");
    expect(await page.locator(".launcher").getAttribute("aria-expanded")).toBe("false");
    await page.close();
  });

  it("When the host is not on the allow-list, Then the service refuses it and the widget says so, keeping the question", async () => {
    const page = await browser.newPage();
    await openWidget(page, refused.origin);
    const answer = await askInChat(page, QUESTION);
    expect(await answer.getAttribute("class")).toContain("failed");
    expect(await answer.innerText()).toMatch(/could not reach/i);
    expect(await page.locator("textarea").inputValue()).toBe(QUESTION);
    await page.close();

    // What the browser did, seen at the HTTP level: the preflight and the request itself are refused.
    const preflight = (origin: string) =>
      fetch(`${rag.url}/ask`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    const refusedPreflight = await preflight(refused.origin);
    expect(refusedPreflight.status).toBe(403);
    expect(refusedPreflight.headers.get("access-control-allow-origin")).toBeNull();
    const allowedPreflight = await preflight(allowed.origin);
    expect(allowedPreflight.status).toBe(204);
    expect(allowedPreflight.headers.get("access-control-allow-origin")).toBe(allowed.origin);
    const direct = await rag.post("/ask", { question: QUESTION }, { origin: refused.origin });
    expect(direct.status).toBe(403);
  });
});
