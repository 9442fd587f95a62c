import { UNCERTAIN_PREFIX } from "../../src/answer/types.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AskResult } from "../../src/answer/ask.js";
import { answerSentences } from "../../src/answer/verify-citations.js";
import { type FakeOpenAI, startServiceWithFakeModel } from "../helpers/fake-openai.js";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { passageContaining } from "./scripts.js";
import { collectEvents, readEvents, type SseEvent } from "./sse-client.js";

const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";

/** Everything but the timings and the id, which differ between any two answers. */
function comparable(result: AskResult): Omit<AskResult, "timings_ms" | "id"> {
  const { timings_ms: _timings, id: _id, ...rest } = result;
  return rest;
}

function expectEventOrder(events: SseEvent[]): void {
  const names = events.map((e) => e.event);
  expect(names[0]).toBe("context");
  expect(names.at(-1)).toBe("done");
  expect(names.slice(1, -1).every((name) => name === "token")).toBe(true);
  expect(names.length).toBeGreaterThan(2);
}

describe("streamed answers from a chat model", () => {
  let fake: FakeOpenAI;
  let server: TestServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ fake, server, close } = await startServiceWithFakeModel({}, { embedder: fakeEmbedder() }));
  });
  afterAll(() => close?.());

  const answer = (request: Parameters<typeof passageContaining>[0]) =>
    `The forum took place in Hangzhou, China [${passageContaining(request, "Hangzhou, China, from")}]. It ran from 23 to 25 April 2025 [${passageContaining(request, "23-25 April")}][8].`;

  it("When streaming is asked for, Then the first token arrives before the model has finished and done equals the JSON answer", async () => {
    fake.script((request) => ({ content: answer(request), chunkDelayMs: request.stream ? 40 : 0 }));
    const response = await server.post("/ask", { question: QUESTION, stream: true });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events: SseEvent[] = [];
    let modelFinishedAtFirstToken: boolean | undefined;
    for await (const event of readEvents(response)) {
      if (event.event === "token" && modelFinishedAtFirstToken === undefined) modelFinishedAtFirstToken = fake.requests[0]!.finished;
      events.push(event);
    }
    expect(fake.requests[0]!.stream).toBe(true);
    expect(modelFinishedAtFirstToken).toBe(false);
    expectEventOrder(events);

    const context = events[0]!.data as { citations: { n: number; text: string }[]; context: unknown[] };
    expect(context.citations.map((c) => c.n)).toEqual(context.citations.map((_, i) => i + 1));
    // The streamed text is the model's, sentence by sentence, less what verification drops (the invented [8]).
    const tokens = events.filter((e) => e.event === "token").map((e) => (e.data as { text: string }).text);
    expect(tokens).toHaveLength(2);
    expect(tokens.join("")).toBe(answer(fake.requests[0]!).replace("[8]", ""));

    const streamed = events.at(-1)!.data as AskResult;
    const plain = (await (await server.post("/ask", { question: QUESTION })).json()) as AskResult;
    expect(fake.requests[1]!.stream).toBe(false);
    expect(comparable(streamed)).toEqual(comparable(plain));
    expect(streamed.answer).not.toContain("[8]");
  });

  it("When the model streams a sentence no passage supports, with a link found in no passage, Then no token shows either, on /ask or /v1", async () => {
    const lure = "To register, visit https://evil.example/login and enter your password";
    fake.script((request) => {
      const n = passageContaining(request, "Hangzhou, China, from");
      return { content: `The forum took place in Hangzhou, China [${n}]. ${lure} [${n}]. It took place in Hangzhou, China, from 23-25 April 2025, see www.evil.example [${n}].`, chunkDelayMs: request.stream ? 5 : 0 };
    });
    const events = await collectEvents(await server.post("/ask", { question: QUESTION, stream: true }));
    const streamed = events.filter((e) => e.event === "token").map((e) => (e.data as { text: string }).text).join("");
    // The second sentence is held back; the third, supported, shows without its link.
    expect(streamed).toMatch(/^The forum took place in Hangzhou, China \[\d+\]\. It took place in Hangzhou, China, from 23-25 April 2025, see \[link removed\] \[\d+\]\.$/);
    expect(streamed).not.toContain("evil.example");
    expect(streamed).not.toContain("password");
    const done = events.at(-1)!.data as AskResult;
    expect(done.unsupported).toEqual([`${lure}.`]);
    expect(done.answer).not.toContain("evil.example");

    const completion = await server.post("/v1/chat/completions", { model: "grounded-rag", stream: true, messages: [{ role: "user", content: QUESTION }] });
    const chunks = (await completion.text()).split("\n\n").filter((block) => block.startsWith("data: {"));
    const content = chunks.map((block) => (JSON.parse(block.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]!.delta.content ?? "").join("");
    expect(content).toContain("The forum took place in Hangzhou, China");
    expect(content).not.toContain("evil.example");
    expect(content).not.toContain("password");
  });

  it("When the client asks with Accept: text/event-stream, Then the answer is streamed", async () => {
    fake.script((request) => ({ content: answer(request) }));
    const response = await server.post("/ask", { question: QUESTION }, { accept: "text/event-stream" });
    expectEventOrder(await collectEvents(response));
  });

  it("When the client disconnects mid-stream, Then the model server sees its connection closed", async () => {
    fake.script(() => ({ content: "The forum took place in Hangzhou [1]. ".repeat(40), chunkDelayMs: 50 }));
    const abort = new AbortController();
    const response = await fetch(`${server.url}/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: QUESTION, stream: true }),
      signal: abort.signal,
    });
    for await (const event of readEvents(response)) {
      if (event.event === "token") break;
    }
    abort.abort();
    await vi.waitFor(() => expect(fake.requests[0]!.closedByClient).toBe(true), { timeout: 5000 });
    expect(fake.requests[0]!.finished).toBe(false);
  });
});

describe("streamed answers offline (extractive)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ embedder: fakeEmbedder() });
  });
  afterAll(() => server?.close());

  it("When streaming offline, Then the answer comes sentence by sentence and done equals the JSON answer", async () => {
    const events = await collectEvents(await server.post("/ask", { question: "What concerns does NEMO raise about AI?", stream: true }));
    expectEventOrder(events);
    const done = events.at(-1)!.data as AskResult;
    const plain = (await (await server.post("/ask", { question: "What concerns does NEMO raise about AI?" })).json()) as AskResult;
    expect(comparable(done)).toEqual(comparable(plain));
    expect(done).toMatchObject({ model: "extractive", degraded: false });
    // One token per answer sentence, and together they are the answer (before renumbering; an uncertain one is introduced as such in done).
    const tokens = events.filter((e) => e.event === "token").map((e) => (e.data as { text: string }).text);
    for (const token of tokens) expect(answerSentences(token)).toHaveLength(1);
    const withoutMarkers = (text: string) => text.replace(/\s*\[\d+\]/g, "");
    const quoted = done.answer.startsWith(UNCERTAIN_PREFIX) ? done.answer.slice(UNCERTAIN_PREFIX.length).trimStart() : done.answer;
    expect(withoutMarkers(quoted)).toBe(withoutMarkers(tokens.join("")));
  });

  it("When the documents do not hold the answer, Then the stream carries the abstention and done says so", async () => {
    const events = await collectEvents(await server.post("/ask", { question: "What pressure should an espresso machine brew at?", stream: true }));
    expectEventOrder(events);
    expect(events.at(-1)!.data).toMatchObject({ outcome: "not_found", abstained: true, citations: [] });
  });
});
