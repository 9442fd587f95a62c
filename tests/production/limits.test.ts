import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REWRITE_HISTORY_TURNS, REWRITE_TURN_CHARS } from "../../src/answer/chat-rewrite.js";
import { type FakeOpenAI, startFakeOpenAI } from "../helpers/fake-openai.js";
import { isRewriteRequest } from "../llm/scripts.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { parsePrometheusText, sumOf } from "./prometheus-text.js";

// Seed question q01: the bundled corpus answers it with high confidence, so it never abstains.
const SEED_QUESTION = "Who moderated the panel on digital technologies and AI at the UNESCO museum forum?";
const MODEL_ANSWER = "NEMO Chairperson Petra Havu moderated the panel [1].";

describe("Rate limit", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ embedder: fakeEmbedder(), env: { RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_MS: "60000" } });
  });
  afterAll(() => server?.close());

  it("When a client goes past the configured burst on /ask and /search, Then it gets 429 with Retry-After, while /health still answers", async () => {
    const statuses = [
      (await server.post("/ask", { question: SEED_QUESTION })).status,
      (await server.post("/search", { query: "museum" })).status,
      (await server.post("/ask", { question: "" })).status,
    ];
    expect(statuses).toEqual([200, 200, 400]);
    const limited = await server.post("/search", { query: "museum" });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toEqual({ error: expect.stringMatching(/too many requests/i) });
    expect((await server.post("/ask", { question: SEED_QUESTION })).status).toBe(429);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe("Model concurrency cap and request timeout, with a slow fake model", () => {
  let model: FakeOpenAI;
  let server: TestServer;
  // A second service with a short request timeout: on the first, a slow machine must not turn a queued call into a 504.
  let impatient: TestServer;
  beforeAll(async () => {
    model = await startFakeOpenAI();
    const env = { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: model.baseURL, CHAT_MAX_RETRIES: "0", MODEL_CONCURRENCY: "1", MODEL_QUEUE_SIZE: "1" };
    [server, impatient] = await Promise.all([startTestServer({ embedder: fakeEmbedder(), env }), startTestServer({ embedder: fakeEmbedder(), env: { ...env, REQUEST_TIMEOUT_MS: "3000" } })]);
  });
  afterAll(async () => {
    await Promise.all([server?.close(), impatient?.close()]);
    await model?.close();
  });

  const metric = async (name: string) => sumOf(parsePrometheusText(await (await fetch(`${server.url}/metrics`)).text()), name);

  it("When every model slot and queue place is taken, Then the next question gets 503 with Retry-After at once, and the queued one is answered", async () => {
    // The first call holds the only slot long enough for the refused question's retrieval even on a loaded machine.
    model.script((_request, index) => ({ content: MODEL_ANSWER, delayMs: index === 0 ? 6000 : 100 }));
    const rejectedBefore = await metric("rag_model_rejected_total");
    const running = server.post("/ask", { question: SEED_QUESTION });
    await waitFor(() => model.requests.length === 1);
    const queued = server.post("/ask", { question: SEED_QUESTION });
    await waitFor(async () => (await metric("rag_model_queue_length")) === 1);

    const refused = await server.post("/ask", { question: SEED_QUESTION });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/busy/) });

    for (const response of await Promise.all([running, queued])) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { answer: string }).answer).toMatch(/Petra Havu/);
    }
    expect(model.requests.length).toBe(2);
    expect((await metric("rag_model_rejected_total")) - rejectedBefore).toBe(1);
    // The fake model reports one prompt and one completion token per reply.
    expect(await metric("rag_model_tokens_total")).toBeGreaterThanOrEqual(4);
    expect(await metric("rag_model_calls_in_flight")).toBe(0);
  });

  it("When follow-ups arrive together, Then their rewrites take model slots too: never more calls than MODEL_CONCURRENCY, refusals before any call, rewrites timed", async () => {
    let mostAtOnce = 0;
    model.script((request) => {
      const running = model.requests.filter((r) => r !== request && !r.finished && !r.closedByClient).length + 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      return { content: isRewriteRequest(request) ? SEED_QUESTION : MODEL_ANSWER, delayMs: 400 };
    });
    const rewritesBefore = await metric("rag_rewrite_duration_seconds_count");
    const history = [
      { role: "user", content: "Who took part in the UNESCO museum forum?" },
      { role: "assistant", content: "Museum professionals from many countries [1]." },
    ];
    const responses = await Promise.all(Array.from({ length: 6 }, () => server.post("/ask", { question: "And who moderated its AI panel?", history })));
    const answered = responses.filter((r) => r.status === 200).length;
    expect(answered).toBeGreaterThanOrEqual(1);
    expect(responses.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(mostAtOnce).toBe(1);
    // A refused question spent no model call: two calls (rewrite, answer) per answered one at most.
    expect(model.requests.length).toBeLessThanOrEqual(2 * answered);
    expect((await metric("rag_rewrite_duration_seconds_count")) - rewritesBefore).toBeGreaterThanOrEqual(answered);
  });

  it("When a follow-up comes with a long history, Then the rewrite is shown only its last turns, each cut short", async () => {
    model.script((request) => ({ content: isRewriteRequest(request) ? SEED_QUESTION : MODEL_ANSWER }));
    const history = Array.from({ length: 14 }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: `turn${i} ${"museum ".repeat(500)}` }));
    expect((await server.post("/ask", { question: "And who moderated it?", history })).status).toBe(200);
    const rewrite = model.requests.find(isRewriteRequest)!.messages.at(-1)!.content;
    expect(rewrite).not.toContain(`turn${13 - REWRITE_HISTORY_TURNS}`);
    expect(rewrite).toContain(`turn${14 - REWRITE_HISTORY_TURNS}`);
    expect(rewrite.length).toBeLessThan(REWRITE_HISTORY_TURNS * (REWRITE_TURN_CHARS + 20) + 500);
  });

  it("When no response has started within REQUEST_TIMEOUT_MS, Then the client gets 504 and the model call is abandoned", async () => {
    model.script(() => ({ content: MODEL_ANSWER, delayMs: 8000 }));
    const response = await impatient.post("/ask", { question: SEED_QUESTION });
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ error: expect.any(String) });
    await waitFor(() => model.requests[0]?.closedByClient === true);
    // The slot was given back: the next question is served.
    model.script(() => ({ content: MODEL_ANSWER }));
    expect((await impatient.post("/ask", { question: SEED_QUESTION })).status).toBe(200);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
