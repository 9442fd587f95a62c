import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

describe("HTTP API contract", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const expectJsonError = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string };
    expect(typeof body.error).toBe("string");
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    return body.error;
  };

  it.each([
    ["an empty question", { question: "" }],
    ["a blank question", { question: "   \n " }],
    ["a non-string question", { question: 42 }],
    ["a missing question", {}],
    ["an over-long question", { question: "x".repeat(2001) }],
    ["k out of range", { question: "Where?", k: 0 }],
    ["k too large", { question: "Where?", k: 21 }],
    ["k not an integer", { question: "Where?", k: 2.5 }],
    ["k as a string", { question: "Where?", k: "3" }],
    ["an unknown field", { question: "Where?", verbose: true }],
    ["a JSON array", [1, 2]],
    ["a JSON string", '"just a string"'],
  ])("When /ask gets %s, Then it answers 400 with a JSON error", async (_name, body) => {
    await expectJsonError(await server.post("/ask", body), 400);
  });

  it("When /ask gets malformed JSON, Then it answers 400", async () => {
    const message = await expectJsonError(await server.post("/ask", '{"question": "unterminated'), 400);
    expect(message).toMatch(/JSON/);
  });

  it("When a body is over 64 KB, Then it answers 413", async () => {
    await expectJsonError(await server.post("/ask", { question: "a".repeat(70 * 1024) }), 413);
  });

  it("When a question is answered, Then the response has the documented shape and similarity scores", async () => {
    const response = await server.post("/ask", { question: "Where did the forum take place?", k: 3 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & { citations: Record<string, unknown>[] };
    expect(body).toMatchObject({ abstained: false, model: "extractive" });
    expect(body.answer).toMatch(/Hangzhou.*\[1\]/);
    expect(body.citations[0]).toMatchObject({ n: 1, source: "nemo-unesco-museum-forum-2025.txt" });
    expect(body.timings_ms).toEqual({ retrieve: expect.any(Number), answer: expect.any(Number) });
    const passages = [...body.citations, ...(body.context as Record<string, unknown>[])];
    expect(passages.length).toBe(3);
  });

  it("When /search is called, Then results carry source, offsets and a score in [0, 1], best first", async () => {
    for (const mode of ["dense", "keyword", "hybrid"]) {
      const response = await server.post("/search", { query: "Finnish Museums Association", k: 4, mode });
      expect(response.status).toBe(200);
      const { results } = (await response.json()) as { results: { text: string; score: number; start: number; end: number }[] };
      expect(results.length).toBe(4);
      for (const r of results) {
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.end - r.start).toBe(r.text.length);
      }
      expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
      if (mode !== "dense") expect(results[0]!.text).toContain("Finnish Museums Association");
    }
  });

  it("When /search gets a bad mode or k, Then it answers 400", async () => {
    await expectJsonError(await server.post("/search", { query: "x", mode: "magic" }), 400);
    await expectJsonError(await server.post("/search", { query: "x", k: 101 }), 400);
  });

  it("When /health is called, Then it reports the chunk count and the embedder", async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", chunks: expect.any(Number), embedder: "local:universal-sentence-encoder-lite" });
  });

  it("When a route does not exist, Then it answers 404 with a JSON error", async () => {
    await expectJsonError(await fetch(`${server.url}/nope`), 404);
  });
});
