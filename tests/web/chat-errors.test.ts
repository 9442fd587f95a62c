/**
 * The chat page when answers are slow, streamed, limited or unreachable, in
 * real headless Chromium against the real service answering through a fake
 * OpenAI-compatible model server (the only fake). Tests run in file order:
 * the rate limit is used up, then the server is stopped, last.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissing, launchChromium, sendQuestion } from "../helpers/browser.js";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const MODEL_ANSWER = "The Third UNESCO High-Level Forum for Museums took place in Hangzhou, China, from 23 to 25 April 2025 [1].";
const RATE_LIMIT_MAX = 6;

if (chromiumMissing) console.warn(chromiumMissing);

describe.skipIf(chromiumMissing)("chat page when answers are slow, streamed, limited or unreachable", () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  let serverStopped = false;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    [server, browser] = await Promise.all([
      startTestServer({
        embedder: fakeEmbedder(),
        env: {
          OPENAI_API_KEY: "test-key",
          OPENAI_BASE_URL: fake.baseURL,
          CHAT_MAX_RETRIES: "0",
          RATE_LIMIT_MAX: String(RATE_LIMIT_MAX),
          RATE_LIMIT_WINDOW_MS: "600000",
        },
      }),
      launchChromium(),
    ]);
    page = await browser.newPage();
    await page.goto(`${server.url}/`);
  });
  afterAll(async () => {
    await browser?.close();
    if (!serverStopped) await server?.close();
    await fake?.close();
  });

  const lastAnswer = () => page.locator(".answer").last();

  it("When Stop is pressed while the model works, Then the answer is marked stopped, the model call is abandoned and Send is back", async () => {
    fake.script(() => ({ content: MODEL_ANSWER, delayMs: 20_000 }));
    await sendQuestion(page, QUESTION);
    await expect.poll(() => fake.requests.length, { timeout: 20_000 }).toBe(1);
    await page.locator("button.stop").click();

    await page.locator('.answer[aria-busy="false"]').waitFor();
    expect(await lastAnswer().getAttribute("class")).toContain("stopped");
    expect(await lastAnswer().innerText()).toMatch(/stopped/i);
    expect(await page.locator("button.send").isVisible()).toBe(true);
    // Every model call of this question is abandoned, none finished.
    await expect.poll(() => fake.requests.map((r) => ({ finished: r.finished, closedByClient: r.closedByClient })), { timeout: 20_000 }).toEqual([{ finished: false, closedByClient: true }]);
  });

  it("When the service streams the answer, Then it grows on screen, a verified sentence at a time, before it is done", async () => {
    // Two sentences: the first is shown once the second begins (a sentence is verified whole before it is streamed).
    const twoSentences = `${MODEL_ANSWER} A key focus of the Forum was the integration of digital technologies in museum management [1].`;
    fake.script(() => ({ content: twoSentences, chunkDelayMs: 150 }));
    const response = page.waitForResponse((r) => r.url().endsWith("/ask") && r.request().method() === "POST");
    await sendQuestion(page, QUESTION);
    expect((await response).headers()["content-type"]).toMatch(/^text\/event-stream/);
    const streaming = page.locator('.answer[aria-busy="true"] .answer-text');
    await expect.poll(async () => (await streaming.count()) && (await streaming.innerText()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.locator('.answer[aria-busy="false"]').nth(1).waitFor();
    expect(await lastAnswer().innerText()).toContain("Hangzhou");
  });

  it("When the rate limit is reached, Then a friendly message is shown and the question stays in the box", async () => {
    for (let i = 0; i < RATE_LIMIT_MAX; i++) {
      if ((await server.post("/search", { query: "museum" })).status === 429) break;
    }
    await sendQuestion(page, QUESTION);
    await page.locator(".answer.failed").waitFor();
    expect(await lastAnswer().innerText()).toMatch(/too many questions/i);
    expect(await page.locator("textarea").inputValue()).toBe(QUESTION);
  });

  it("When the server cannot be reached, Then a friendly message is shown and the question stays in the box", async () => {
    await server.close();
    serverStopped = true;
    await page.locator("textarea").fill("");
    await sendQuestion(page, QUESTION);
    await expect.poll(() => page.locator(".answer.failed").count()).toBe(2);
    expect(await lastAnswer().innerText()).toMatch(/could not reach the server/i);
    expect(await page.locator("textarea").inputValue()).toBe(QUESTION);
  });
});
