/**
 * @module bench/http-run
 * End to end over HTTP on loopback: the real service (its own process) serving
 * a benchmark index, loaded from this process. First /ask peak throughput and
 * latency at 1, 8 and 32 connections (closed loop, autocannon); then /ask at
 * half that peak (open loop: on a fixed schedule) while a third process
 * measures /health latency.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { runScript, startScript } from "./child.js";
import { setTimeout as sleep } from "node:timers/promises";
import type { ServeArgs } from "./serve.js";
import { percentiles, type Percentiles } from "./stats.js";

export interface HttpRunOptions {
  indexDir: string;
  /** Sent in order across all phases, each once while they last (caches of query embeddings would otherwise answer repeats). */
  questions: string[];
  /** Seconds of each load phase. */
  seconds: number;
  onPhase?: (label: string) => void;
}

export interface LoadFigures {
  connections: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

export interface HttpRunResult {
  /** Requests sent in all, and distinct questions available: more requests than questions means some were repeats. */
  requestsSent: number;
  distinctQuestions: number;
  /** Resident memory of the server process once the index is loaded and before any request. */
  serverRssMiB: number;
  closedLoop: LoadFigures[];
  peakRequestsPerSecond: number;
  /** Absent when no /ask completed in the closed-loop phases (no peak to halve). */
  halfPeak?: LoadFigures & { targetRate: number; health: Percentiles & { failures: number } };
}

const CONNECTIONS = [1, 8, 32];
const HEALTH_INTERVAL_MS = 50;
const REQUEST_TIMEOUT_S = 60;

export async function runHttpBenchmark(options: HttpRunOptions): Promise<HttpRunResult> {
  // An empty corpus folder: the index is prebuilt, and nothing may rebuild it.
  const corpusDir = await mkdtemp(path.join(os.tmpdir(), "bench-corpus-"));
  const server = await startServer({ corpusDir, env: { INDEX_DIR: options.indexDir } });
  let sent = 0;
  const nextQuestion = () => options.questions[sent++ % options.questions.length]!;
  try {
    const url = server.ready.url;
    const closedLoop: LoadFigures[] = [];
    for (const connections of CONNECTIONS) {
      options.onPhase?.(`/ask, ${connections} connection(s), ${options.seconds} s`);
      closedLoop.push(await load(url, options.seconds, { connections }, nextQuestion));
    }
    const peak = Math.max(...closedLoop.map((f) => f.requestsPerSecond));
    const serverRssMiB = server.ready.rssMiB;
    const counts = () => ({ requestsSent: sent, distinctQuestions: options.questions.length });
    if (!peak) return { ...counts(), serverRssMiB, closedLoop, peakRequestsPerSecond: 0 };
    const targetRate = Math.round((peak / 2) * 100) / 100;
    options.onPhase?.(`/ask at ${targetRate} req/s with /health probed, ${options.seconds} s`);
    const [halfPeak, health] = await Promise.all([
      openLoop(url, options, targetRate, nextQuestion),
      runScript<Percentiles & { failures: number }>("scripts/bench/health-probe.ts", {
        url,
        durationMs: options.seconds * 1000,
        intervalMs: HEALTH_INTERVAL_MS,
      }),
    ]);
    return { ...counts(), serverRssMiB, closedLoop, peakRequestsPerSecond: peak, halfPeak: { ...halfPeak, targetRate, health } };
  } finally {
    await server.stop();
    await rm(corpusDir, { recursive: true, force: true });
  }
}

/** A server of the benchmark (serve.ts) in a process of its own; its first line is its URL and RSS. */
export function startServer(args: ServeArgs) {
  return startScript<{ url: string; rssMiB: number }>("scripts/bench/serve.ts", args);
}

/**
 * Closed-loop /ask throughput over `urls`, servers sharing one index (replicas
 * on one database): autocannon spreads the connections over them in turn.
 */
export function askThroughput(urls: string[], seconds: number, connections: number, nextQuestion: () => string): Promise<LoadFigures> {
  return load(urls, seconds, { connections }, nextQuestion);
}

async function load(url: string | string[], seconds: number, shape: { connections: number }, nextQuestion: () => string): Promise<LoadFigures> {
  const result = await autocannon({
    // autocannon takes several URLs and gives each connection one in turn (its README); its typings declare one.
    url: url as string,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_S,
    ...shape,
    requests: [
      {
        method: "POST",
        path: "/ask",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ question: nextQuestion() }) }),
      },
    ],
  });
  return {
    connections: shape.connections,
    // Completed responses over the phase (autocannon's per-second average reads 0 when each request takes longer than a second).
    requestsPerSecond: Math.round(((result["2xx"] + result.non2xx) / result.duration) * 100) / 100,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * True open loop: requests start on a fixed schedule whether or not earlier
 * ones have finished, so a slow server faces a growing queue instead of a
 * politely waiting client. Latencies of requests still running at the end are
 * awaited.
 */
async function openLoop(url: string, options: HttpRunOptions, rate: number, nextQuestion: () => string): Promise<LoadFigures> {
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; performance.now() - started < options.seconds * 1000; i++) {
    await sleep(Math.max(0, started + (i * 1000) / rate - performance.now()));
    const sent = performance.now();
    inFlight.push(
      fetch(`${url}/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: nextQuestion() }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_S * 1000),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) non2xx++;
          latencies.push(performance.now() - sent);
        })
        .catch(() => void errors++),
    );
  }
  await Promise.all(inFlight);
  const p = percentiles(latencies);
  return {
    connections: inFlight.length,
    requestsPerSecond: latencies.length / ((performance.now() - started) / 1000),
    latencyMs: { p50: Math.round(p.p50), p99: Math.round(p.p99), max: Math.round(Math.max(...latencies, 0)) },
    non2xx,
    errors,
  };
}
