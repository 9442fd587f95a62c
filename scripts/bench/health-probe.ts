/**
 * @module bench/health-probe
 * Measures GET /health latency from a process of its own (so the load
 * generator's own event loop does not add to it): one request every
 * `intervalMs` for `durationMs`, one at a time. Prints percentiles as JSON.
 *
 * Usage: tsx scripts/bench/health-probe.ts '{"url":"…","durationMs":10000,"intervalMs":50}'
 */
import { setTimeout as sleep } from "node:timers/promises";
import { percentiles } from "./stats.js";

const { url, durationMs, intervalMs } = JSON.parse(process.argv[2]!) as { url: string; durationMs: number; intervalMs: number };
const samples: number[] = [];
let failures = 0;
const end = performance.now() + durationMs;
while (performance.now() < end) {
  const started = performance.now();
  const response = await fetch(`${url}/health`).catch(() => undefined);
  if (response?.ok) await response.arrayBuffer();
  else failures++;
  samples.push(performance.now() - started);
  await sleep(Math.max(0, intervalMs - (performance.now() - started)));
}
process.stdout.write(`${JSON.stringify({ ...percentiles(samples), failures })}\n`);
