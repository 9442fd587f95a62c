/**
 * The default: QUESTION_LOG unset. Nothing is written anywhere, votes still
 * reach /metrics, and the report says how to turn the log on.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrometheusText, sumOf } from "../production/prometheus-text.js";
import { makeTempDir, startTestServer, type TestServer } from "../helpers/test-server.js";
import { fakeEmbedder } from "../helpers/fake-embedder.js";

describe("with the question log off (the default)", () => {
  let server: TestServer;
  let dir: string;
  let logFile: string;
  beforeAll(async () => {
    dir = await makeTempDir("rag-log-off-");
    logFile = path.join(dir, "question-log.sqlite");
    server = await startTestServer({ embedder: fakeEmbedder(), env: { ADMIN_TOKEN: "insights-off-token-0123456789abcdef0123456789", QUESTION_LOG_FILE: logFile } });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("When a question is asked and voted on, Then no log exists, and the vote is counted in /metrics by outcome", async () => {
    const answer = (await (await server.post("/ask", { question: "Where did the Third UNESCO High-Level Forum for Museums take place?" })).json()) as { id: string; outcome: string };
    expect((await server.post("/feedback", { id: answer.id, vote: "up" })).status).toBe(204);
    const metrics = parsePrometheusText(await (await fetch(`${server.url}/metrics`)).text());
    expect(sumOf(metrics, "rag_feedback_total", { vote: "up", outcome: answer.outcome })).toBe(1);
    expect(server.services.insights.log).toBeUndefined();
    expect(existsSync(logFile)).toBe(false);
  });

  it("When the report is asked for, Then 404 saying to set QUESTION_LOG=1 (401 without the token)", async () => {
    const response = await fetch(`${server.url}/admin/insights`, { headers: { authorization: "Bearer insights-off-token-0123456789abcdef0123456789" } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain("QUESTION_LOG=1");
    expect((await fetch(`${server.url}/admin/insights`)).status).toBe(401);
  });
});
