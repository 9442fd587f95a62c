/**
 * Latency of the chat path against a fake OpenAI-compatible model on
 * 127.0.0.1 (no network, no key): time to the first streamed token versus the
 * whole answer, and how soon a model slower than CHAT_TIMEOUT_MS is replaced
 * by the extractive answer. The fake streams a 24-piece answer with 25 ms
 * between pieces after 150 ms "thinking" (the non-streamed reply takes as long
 * in all), roughly a small hosted model.
 * Writes docs/chat-latency.md.
 *
 *   npx tsx scripts/bench-chat.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { readEvents } from "../tests/llm/sse-client.js";
import { passageContaining } from "../tests/llm/scripts.js";
import { startServiceWithFakeModel } from "../tests/helpers/fake-openai.js";
import { REPO_ROOT } from "../tests/helpers/test-server.js";

const RUNS = 20;
const THINK_MS = 150;
const PIECE_MS = 25;
const TIMEOUT_MS = 1000;
const QUESTION = "Where did the Third UNESCO High-Level Forum for Museums take place?";
const OUT = path.join(REPO_ROOT, "docs/chat-latency.md");

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${Math.round(x)} ms`;

async function main(): Promise<void> {
  const { fake, server, close } = await startServiceWithFakeModel({ CHAT_TIMEOUT_MS: String(TIMEOUT_MS), LOG_LEVEL: "silent" });
  try {
    fake.script((request) => {
      const content = `The Third UNESCO High-Level Forum for Museums took place in Hangzhou, China, from 23 to 25 April 2025 [${passageContaining(request, "Hangzhou, China, from")}].`;
      // The same generation time either way: streamed piece by piece, or all at once at the end.
      const pieces = content.split(/\s+/).length;
      return request.stream
        ? { content, delayMs: THINK_MS, chunkDelayMs: PIECE_MS }
        : { content, delayMs: THINK_MS + pieces * PIECE_MS };
    });
    // Warm-up: the embedder's first query is slower than the rest.
    await (await server.post("/ask", { question: QUESTION })).json();

    const firstToken: number[] = [];
    const streamedDone: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const response = await server.post("/ask", { question: QUESTION, stream: true });
      let first: number | undefined;
      for await (const event of readEvents(response)) {
        if (event.event === "token" && first === undefined) first = performance.now() - started;
      }
      firstToken.push(first!);
      streamedDone.push(performance.now() - started);

      const t0 = performance.now();
      await (await server.post("/ask", { question: QUESTION })).json();
      plain.push(performance.now() - t0);
    }

    fake.script(() => ({ content: "too late", delayMs: 10_000 }));
    const fallback: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const body = (await (await server.post("/ask", { question: QUESTION })).json()) as { degraded: boolean };
      if (!body.degraded) throw new Error("expected the extractive fallback");
      fallback.push(performance.now() - t0);
    }

    const row = (name: string, xs: number[]) => `| ${name} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 90))} | ${ms(Math.max(...xs))} |`;
    const lines = [
      "# Chat path latency",
      "",
      `Produced by \`npx tsx scripts/bench-chat.ts\` on ${new Date().toISOString()}: the real service (bundled embedder, hybrid`,
      "retrieval, citation verification) over HTTP on 127.0.0.1, answering through a fake OpenAI-compatible model that",
      `thinks ${THINK_MS} ms and then streams a 19-word answer at ${PIECE_MS} ms a word (without streaming it replies after the same`,
      "total time, about 0.6 s). Repository `corpus/`,",
      `${RUNS} runs each after one warm-up; one client at a time. These are the service's overheads around a model of known speed,`,
      "not a real model's latency.",
      "",
      "| Measure | p50 | p90 | max |",
      "| --- | ---: | ---: | ---: |",
      row("Streaming: first `token` event", firstToken),
      row("Streaming: `done` event", streamedDone),
      row("Non-streaming answer", plain),
      row(`Model slower than CHAT_TIMEOUT_MS = ${TIMEOUT_MS}: extractive fallback (5 runs)`, fallback),
      "",
      "Streaming shows the first words after retrieval plus the model's first piece, instead of after the whole answer.",
      `The fallback arrives shortly after the ${TIMEOUT_MS} ms deadline (retries happen inside the deadline, not after it).`,
      "",
    ];
    writeFileSync(OUT, lines.join("\n"));
    console.log(lines.join("\n"));
  } finally {
    await close();
  }
}

await main();
