import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AskResult } from "../../src/answer/ask.js";
import { type FakeOpenAI, type FakeReply, startServiceWithFakeModel } from "../helpers/fake-openai.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import type { TestServer } from "../helpers/test-server.js";
import { isRewriteRequest, passageContaining, quoteFirstPassage } from "./scripts.js";
import { collectEvents } from "./sse-client.js";

const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const TIMEOUT_MS = 1500;
const RETRIES = 2;

describe("when the chat model fails", () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ fake, server, close } = await startServiceWithFakeModel({
      CHAT_TIMEOUT_MS: String(TIMEOUT_MS),
      CHAT_MAX_RETRIES: String(RETRIES),
      CHAT_RETRY_BACKOFF_MS: "20",
      // One question at a time and none waiting, to see how a busy model is reported.
      MODEL_CONCURRENCY: "1",
      MODEL_QUEUE_SIZE: "0",
    }, { embedder: fakeEmbedder() }));
  });
  afterAll(() => close?.());

  const goodAnswer = (request: Parameters<typeof passageContaining>[0]): FakeReply => ({
    content: `The forum took place in Hangzhou, China [${passageContaining(request, "Hangzhou, China, from")}].`,
  });

  async function ask(body: object = { question: QUESTION }): Promise<AskResult> {
    const response = await server.post("/ask", body);
    expect(response.status).toBe(200);
    return (await response.json()) as AskResult;
  }

  function expectExtractiveFallback(result: AskResult): void {
    expect(result).toMatchObject({ model: "extractive", degraded: true, abstained: false });
    expect(result.answer).toContain("Hangzhou");
    expect(result.citations.length).toBeGreaterThan(0);
  }

  it("When the model fails with 500 twice and then answers, Then its answer is served", async () => {
    fake.script((request, i) => (i < 2 ? { status: 500 } : goodAnswer(request)));
    const result = await ask();
    expect(result).toMatchObject({ answer: "The forum took place in Hangzhou, China [1].", model: "fake-chat", degraded: false });
    expect(fake.requests).toHaveLength(3);
  });

  it("When the model is rate limited once, Then the retry answers", async () => {
    fake.script((request, i) => (i === 0 ? { status: 429 } : goodAnswer(request)));
    expect(await ask()).toMatchObject({ model: "fake-chat", degraded: false });
    expect(fake.requests).toHaveLength(2);
  });

  it("When the model always fails with 500, Then after the retries the extractive answer is served, marked degraded", async () => {
    fake.script(() => ({ status: 500 }));
    expectExtractiveFallback(await ask());
    expect(fake.requests).toHaveLength(1 + RETRIES);
  });

  it("When the model rejects the key (401), Then there is no retry and the extractive answer is served", async () => {
    fake.script(() => ({ status: 401 }));
    expectExtractiveFallback(await ask());
    expect(fake.requests).toHaveLength(1);
  });

  it("When the model is slower than the timeout, Then the extractive answer comes within the timeout + 1 s and the call is cut", async () => {
    fake.script((request) => ({ ...goodAnswer(request), delayMs: 10_000 }));
    const started = performance.now();
    const result = await ask();
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expectExtractiveFallback(result);
    await vi.waitFor(() => expect(fake.requests.every((r) => r.closedByClient)).toBe(true));
  });

  it("When the model returns a malformed body, Then it is retried and then the extractive answer is served", async () => {
    fake.script(() => ({ raw: "this is not json" }));
    expectExtractiveFallback(await ask());
    expect(fake.requests).toHaveLength(1 + RETRIES);
  });

  it("When the model returns an empty answer, Then the extractive answer is served", async () => {
    fake.script(() => ({ content: "" }));
    expectExtractiveFallback(await ask());
  });

  it("When rewriting a follow-up fails, Then the heuristic rewrite is searched and the model still answers", async () => {
    fake.script((request) => (isRewriteRequest(request) ? { status: 500 } : { content: quoteFirstPassage(request) }));
    const history = [
      { role: "user", content: QUESTION },
      { role: "assistant", content: "It took place in Hangzhou, China [1]." },
    ];
    const result = await ask({ question: "Which declaration was it aligned with?", history });
    expect(result.query).toBe("Which declaration was it aligned with? (Third UNESCO High-Level Forum, Museums)");
    expect(result).toMatchObject({ model: "fake-chat", degraded: false });
  });

  it("When the model is busy with another question, Then a streamed request gets an ordinary 503 with Retry-After", async () => {
    fake.script((request) => ({ ...goodAnswer(request), delayMs: 800 }));
    const first = server.post("/ask", { question: QUESTION });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    const second = await server.post("/ask", { question: QUESTION, stream: true });
    expect(second.status).toBe(503);
    expect(second.headers.get("content-type")).toMatch(/^application\/json/);
    expect(second.headers.get("retry-after")).toBeTruthy();
    expect((await first).status).toBe(200);
  });

  it("When streaming and the model always fails, Then the stream still ends with done carrying the degraded extractive answer", async () => {
    fake.script(() => ({ status: 503 }));
    const events = await collectEvents(await server.post("/ask", { question: QUESTION, stream: true }));
    expect(events.map((e) => e.event)).not.toContain("error");
    expect(events.filter((e) => e.event === "token").length).toBeGreaterThan(0);
    expectExtractiveFallback(events.at(-1)!.data as AskResult);
  });
});
