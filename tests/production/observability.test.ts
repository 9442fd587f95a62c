import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";
import { parsePrometheusText, sumOf } from "./prometheus-text.js";

// Seed question q01: the bundled corpus holds its answer, so it passes the gate (answered or uncertain, never not_found).
const SEED_QUESTION = "Who moderated the panel on digital technologies and AI at the UNESCO museum forum?";

describe("Observability: /metrics, /ready, request ids", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ embedder: fakeEmbedder() });
  });
  afterAll(() => server?.close());

  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };

  it("When /metrics is scraped, Then it parses as Prometheus text and has every documented family", async () => {
    const samples = await scrape();
    const names = new Set([...samples.keys()].map((series) => series.replace(/\{.*$/, "")));
    for (const name of [
      "rag_index_chunks",
      "rag_index_documents",
      "rag_index_generation_info",
      "rag_model_calls_in_flight",
      "rag_model_queue_length",
      "rag_model_rejected_total",
      "nodejs_eventloop_lag_seconds",
      "process_resident_memory_bytes",
    ]) {
      expect(names, name).toContain(name);
    }
    const { manifest } = server.services.ask.index.current;
    expect(sumOf(samples, "rag_index_chunks")).toBe(manifest.chunkCount);
    expect(sumOf(samples, "rag_index_generation_info", { generation: manifest.generation })).toBe(1);
  });

  it("When questions are asked, Then request, retrieval, model and answer counters move by exactly that much", async () => {
    const before = await scrape();
    const seed = await server.post("/ask", { question: SEED_QUESTION });
    expect(seed.status).toBe(200);
    const { outcome } = (await seed.json()) as { outcome: string };
    expect(["answered", "uncertain"]).toContain(outcome);
    expect((await server.post("/ask", { question: "What is the airspeed velocity of an unladen swallow?" })).status).toBe(200);
    expect((await server.post("/ask", { question: 42 })).status).toBe(400);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => sumOf(after, name, labels) - sumOf(before, name, labels);
    expect(moved("http_requests_total", { route: "/ask", status: "200" })).toBe(2);
    expect(moved("http_requests_total", { route: "/ask", status: "400" })).toBe(1);
    expect(moved("http_request_duration_seconds_count", { route: "/ask", status: "200" })).toBe(2);
    expect(moved("rag_retrieval_duration_seconds_count", { mode: "hybrid" })).toBe(2);
    expect(moved("rag_answers_total", { outcome })).toBe(1);
    expect(moved("rag_answers_total", { outcome: "not_found" })).toBe(1);
    expect(moved("rag_answers_total")).toBe(2);
    // The abstention decided before the answerer is not a model call.
    expect(moved("rag_model_duration_seconds_count", { outcome: "ok" })).toBe(1);
  });

  it("When a client probes arbitrary paths, Then they are counted under one `unmatched` route, not one series per path", async () => {
    for (const path of ["/nope-1", "/nope-2", "/a/b/c"]) expect((await fetch(`${server.url}${path}`)).status).toBe(404);
    const samples = await scrape();
    expect([...samples.keys()].filter((series) => series.includes("nope"))).toEqual([]);
    expect(sumOf(samples, "http_requests_total", { route: "unmatched", status: "404" })).toBeGreaterThanOrEqual(3);
  });

  it("When /ready and /health are asked, Then both are 200; once draining, /ready is 503 while /health stays 200", async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", index: { ok: true }, model: { ok: true }, draining: false });
    server.services.operations.readiness.markDraining();
    const draining = await fetch(`${server.url}/ready`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: "not ready", draining: true });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it("When a request carries a sane X-Request-Id, Then it is echoed; otherwise a fresh id is returned", async () => {
    const echoed = await fetch(`${server.url}/health`, { headers: { "x-request-id": "edge-proxy.42" } });
    expect(echoed.headers.get("x-request-id")).toBe("edge-proxy.42");
    const replaced = await fetch(`${server.url}/health`, { headers: { "x-request-id": "<script>alert(1)</script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await fetch(`${server.url}/nowhere`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("When any response is sent, Then it carries helmet's security headers and no X-Powered-By", async () => {
    const response = await server.post("/ask", { question: "" });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});

describe("Readiness with a chat model configured", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the model server is unreachable.
    server = await startTestServer({ embedder: fakeEmbedder(), env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" } });
  });
  afterAll(() => server?.close());

  it("When the model server cannot be reached, Then /ready is 503 naming the model check, and /health is 200", async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { model: { ok: boolean; detail: string } };
    expect(body.model.ok).toBe(false);
    expect(body.model.detail).toMatch(/unreachable/);
    expect(JSON.stringify(body)).not.toContain("test-key");
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
