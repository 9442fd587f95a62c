/**
 * Thumbs up / down in real headless Chromium against the real service with
 * the question log on: a vote with a comment from the chat page reaches the
 * content-gap report, the keyboard alone can do it, and the widget on another
 * site votes too (across origins).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askInChat, chromiumMissing, launchChromium } from "../helpers/browser.js";
import { startHostSite, type HostSite } from "../helpers/host-site.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";

const ADMIN_TOKEN = "feedback-browser-test-token-0123456789abcdef0123456789";
// Seed u01: the documents do not say.
const UNANSWERABLE = "What is the ticket price for the Grand Egyptian Museum?";
const ANSWERABLE = "Where did the Third UNESCO High-Level Forum for Museums take place?";

if (chromiumMissing) console.warn(chromiumMissing);

describe.skipIf(chromiumMissing)("feedback on answers in a browser", () => {
  let server: TestServer;
  let browser: Browser;
  let host: HostSite;

  beforeAll(async () => {
    [host, browser] = await Promise.all([startHostSite({ widgetSrc: () => `${server.url}/widget.js` }), launchChromium()]);
    server = await startTestServer({ embedder: fakeEmbedder(), env: { QUESTION_LOG: "1", ADMIN_TOKEN, ALLOWED_ORIGINS: host.origin } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await host?.close();
  });

  async function openChat(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/`);
    return page;
  }
  /** The logged entry of the answer to `question` (the newest, if asked more than once). */
  async function loggedAnswer(question: string) {
    await server.services.insights.log!.flush();
    const entries = await server.services.insights.log!.entries({ since: new Date(0), limit: 1000 });
    return entries.find((e) => e.question === question);
  }

  it("When thumbs down is clicked and a comment typed, Then the vote is stored and the report page shows the comment", async () => {
    const page = await openChat();
    const answer = await askInChat(page, UNANSWERABLE);
    expect(await answer.getAttribute("class")).toMatch(/abstained|uncertain/);
    await page.getByRole("button", { name: "Not helpful" }).click();
    await page.getByLabel("What was wrong or missing? (optional)").fill("Please add the ticket prices");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.getByRole("status").filter({ hasText: "Thank you for the feedback." }).waitFor();
    expect(await page.getByRole("button", { name: "Helpful", exact: true }).isDisabled()).toBe(true);
    expect((await loggedAnswer(UNANSWERABLE))?.feedback).toMatchObject({ vote: "down", comment: "Please add the ticket prices" });

    const report = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await report.goto(`${server.url}/admin/insights`);
    const cluster = report.locator(".cluster", { hasText: UNANSWERABLE });
    expect(await cluster.innerText()).toContain("“Please add the ticket prices”");
    expect(await cluster.locator(".counts").innerText()).toMatch(/^1 question · 1 (not found|uncertain) · 1 voted down$/);
    expect(await report.locator("svg.chart rect").count()).toBeGreaterThan(0);
    await Promise.all([page.close(), report.close()]);
  });

  it("When only the keyboard is used, Then Shift+Tab reaches thumbs down, Enter opens the comment with focus in it, and Enter sends it", async () => {
    const page = await openChat();
    const active = () => page.evaluate(() => document.getElementById("app")!.shadowRoot!.activeElement?.getAttribute("aria-label") ?? "");
    await page.keyboard.type(ANSWERABLE);
    await page.keyboard.press("Enter");
    await page.locator('.answer[aria-busy="false"]').waitFor();
    await page.getByRole("button", { name: "Not helpful" }).waitFor();
    // Back from the question box: the answer's controls come right before it.
    for (let i = 0; i < 10 && (await active()) !== "Not helpful"; i++) await page.keyboard.press("Shift+Tab");
    expect(await active()).toBe("Not helpful");
    await page.keyboard.press("Enter");
    const focusedId = await page.evaluate(() => document.getElementById("app")!.shadowRoot!.activeElement?.id ?? "");
    expect(focusedId).toMatch(/^feedback-comment-/);
    await page.keyboard.type("The answer named the city but not the venue");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Thank you for the feedback." }).waitFor();
    expect((await loggedAnswer(ANSWERABLE))?.feedback).toMatchObject({ vote: "down", comment: "The answer named the city but not the venue" });
    await page.close();
  });

  it("When thumbs up is clicked in the widget on another site, Then the vote reaches the service", async () => {
    const question = "Who organised the Third UNESCO High-Level Forum for Museums?";
    const page = await browser.newPage();
    await page.goto(`${host.origin}/`);
    await page.locator(".launcher").click();
    await askInChat(page, question);
    await page.getByRole("button", { name: "Helpful", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Thank you for the feedback." }).waitFor();
    expect((await loggedAnswer(question))?.feedback?.vote).toBe("up");
    await page.close();
  });
});
